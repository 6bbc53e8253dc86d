package dev.vacant.query.logbook;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.SqlLists;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every logbook entry, raw (body JSON, sig, hash), by vacant and seq, so clients can verify chains themselves.
 * Idempotent: an entry already stored is not stored again. The instance {@link #forRebuild} returns looks up only
 * the entries it may have written itself ({@link WrittenEntries}): in a clean rebuild, none.
 */
public final class LogbookProjector implements Projector {

    public static final String NAME = "logbook";
    public static final String TABLE = "vacant_logbook";

    private final WrittenEntries written;

    /** A stored entry's identity. */
    private record Key(String vacant, long seq) {
    }

    /** The live projector: any entry may be stored already. */
    public LogbookProjector() {
        this(WrittenEntries.unknown());
    }

    private LogbookProjector(WrittenEntries written) {
        this.written = written;
    }

    /** A projector of its own for one rebuild, the only writer of its (initially empty) table. */
    @Override
    public Projector forRebuild() {
        return new LogbookProjector(WrittenEntries.remembered());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProjectionTable> tables() {
        return List.of(new ProjectionTable(TABLE, List.of("vacant_id", "seq")));
    }

    @Override
    public void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position) {
        applyAll(jdbc, List.of(new PositionedEvent(event, position)));
    }

    /**
     * Reads which of the batch's entries are stored already in one query (of those that may be), and inserts the
     * others in one JDBC batch.
     */
    @Override
    public void applyAll(JdbcTemplate jdbc, List<PositionedEvent> events) {
        Set<Key> present = stored(jdbc, events.stream()
                .filter(positioned -> written.mayHold(positioned.event().vacantId(), positioned.event().entry().seq()))
                .toList());
        List<Object[]> inserts = new ArrayList<>();
        for (PositionedEvent positioned : events) {
            VacantEvent event = positioned.event();
            LogbookEntry entry = event.entry();
            if (present.add(new Key(event.vacantId(), entry.seq()))) {
                written.add(event.vacantId(), entry.seq());
                inserts.add(new Object[] {event.vacantId(), entry.seq(), entry.kind(),
                        OffsetDateTime.ofInstant(Timestamps.parse(entry.body().ts()), ZoneOffset.UTC),
                        Json.write(entry.body().toJson()), entry.sig(), entry.hash(),
                        positioned.position().globalIndex()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into " + TABLE + " (vacant_id, seq, kind, ts, body, sig, hash, position) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
    }

    /** The entries already stored among those from each vacant's first seq in {@code events} on. */
    private static Set<Key> stored(JdbcTemplate jdbc, List<PositionedEvent> events) {
        Map<String, Long> firstSeq = new LinkedHashMap<>();
        events.forEach(positioned -> firstSeq.merge(positioned.event().vacantId(), positioned.event().entry().seq(),
                Math::min));
        List<Object> args = new ArrayList<>();
        firstSeq.forEach((vacant, seq) -> {
            args.add(vacant);
            args.add(seq);
        });
        Set<Key> present = new HashSet<>();
        if (firstSeq.isEmpty()) {
            return present;
        }
        jdbc.query("select vacant_id, seq from " + TABLE + " where "
                        + SqlLists.anyOf("vacant_id = ? and seq >= ?", firstSeq.size()),
                rs -> {
                    present.add(new Key(rs.getString(1), rs.getLong(2)));
                }, args.toArray());
        return present;
    }
}
