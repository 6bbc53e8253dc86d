package dev.vacant.infra.audit;

import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampers with stored events directly in SQL, as an attacker with database access would; every change answers an
 * {@link Undo} that puts the original bytes back.
 */
public record StoreTampering(JdbcTemplate jdbc) {

    /** Restores what a tampering changed. */
    public interface Undo extends AutoCloseable {
        @Override
        void close();
    }

    long globalIndex(String vacant, long seq) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", Long.class, vacant, seq);
    }

    byte[] payload(String vacant, long seq) {
        return jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class,
                globalIndex(vacant, seq));
    }

    /** A field of the stored entry ({@code sig} or {@code hash}). */
    public String entryField(String vacant, long seq, String field) {
        return Json.parse(new String(payload(vacant, seq), StandardCharsets.UTF_8)).path(field).asText();
    }

    /** The seq of the first entry of {@code vacant} stored as {@code eventType}. */
    long firstSeqOf(String vacant, Class<?> eventType) {
        return jdbc.queryForObject("select min(sequence_number) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", Long.class, vacant, EventTypes.STANDARD.of(eventType).orElseThrow().name());
    }

    long lastSeqOf(String vacant) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, vacant);
    }

    /** Flips the bits of {@code mask} in a byte of the row's metadata (where attachments are), as {@link #flip}. */
    Undo flipMetaData(String vacant, long seq, String marker, int offset, int mask) {
        long row = globalIndex(vacant, seq);
        byte[] original = jdbc.queryForObject("select meta_data from domain_event_entry where global_index = ?",
                byte[].class, row);
        byte[] flipped = original.clone();
        flipped[indexOf(flipped, marker) + offset] ^= (byte) mask;
        jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", flipped, row);
        return () -> jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", original, row);
    }

    Undo replacePayload(String vacant, long seq, byte[] payload) {
        long row = globalIndex(vacant, seq);
        byte[] original = payload(vacant, seq);
        setPayload(row, payload);
        return () -> setPayload(row, original);
    }

    /** Flips the bits of {@code mask} in the byte {@code offset} bytes after the first occurrence of {@code marker}. */
    Undo flip(String vacant, long seq, String marker, int offset, int mask) {
        byte[] payload = payload(vacant, seq);
        payload[indexOf(payload, marker) + offset] ^= (byte) mask;
        return replacePayload(vacant, seq, payload);
    }

    /** Replaces the first occurrence of {@code text} in the stored JSON. */
    public Undo replaceText(String vacant, long seq, String text, String replacement) {
        String json = new String(payload(vacant, seq), StandardCharsets.UTF_8);
        if (!json.contains(text)) {
            throw new IllegalArgumentException("no '" + text + "' in " + vacant + "@" + seq);
        }
        return replacePayload(vacant, seq, json.replace(text, replacement).getBytes(StandardCharsets.UTF_8));
    }

    Undo swapPayloads(String vacant, long seq, String otherVacant, long otherSeq) {
        byte[] first = payload(vacant, seq);
        Undo undoFirst = replacePayload(vacant, seq, payload(otherVacant, otherSeq));
        Undo undoSecond = replacePayload(otherVacant, otherSeq, first);
        return () -> {
            undoSecond.close();
            undoFirst.close();
        };
    }

    Undo delete(String vacant, long seq) {
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where global_index = ?",
                globalIndex(vacant, seq));
        jdbc.update("delete from domain_event_entry where global_index = ?", row.get("global_index"));
        return () -> jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("global_index"), row.get("event_identifier"),
                row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"), row.get("time_stamp"),
                row.get("payload_type"), row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
    }

    /** Deletes every entry of {@code vacant}'s chain. */
    Undo deleteChain(String vacant) {
        List<Undo> deleted = new ArrayList<>();
        for (long seq = lastSeqOf(vacant); seq >= 0; seq--) {
            deleted.add(delete(vacant, seq));
        }
        return () -> deleted.forEach(Undo::close);
    }

    /** Swaps the global indexes of two rows (their order in the store), through a free temporary index. */
    Undo swapOrder(String vacant, long seq, String otherVacant, long otherSeq) {
        long first = globalIndex(vacant, seq);
        long second = globalIndex(otherVacant, otherSeq);
        Runnable swap = () -> {
            jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", first);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", first, second);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", second);
        };
        swap.run();
        return swap::run;
    }

    /** Two consecutive rows (by global index) of different vacants, as {@code [vacant, seq, otherVacant, otherSeq]}. */
    Object[] adjacentRowsOfTwoChains() {
        return jdbc.query("select a.aggregate_identifier, a.sequence_number, b.aggregate_identifier, b.sequence_number "
                + "from domain_event_entry a join domain_event_entry b on b.global_index = a.global_index + 1 "
                + "where a.aggregate_identifier <> b.aggregate_identifier order by a.global_index desc limit 1",
                (rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)}).get(0);
    }

    private void setPayload(long globalIndex, byte[] payload) {
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload, globalIndex);
    }

    private static int indexOf(byte[] payload, String marker) {
        int at = new String(payload, StandardCharsets.ISO_8859_1).indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + marker + "' in the payload");
        }
        return at + marker.length();
    }
}
