package dev.vacant.query.logbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.SamplePayload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads raw logbook entries in seq order. */
@Component
public class LogbookQueries {

    /** One stored entry: the signed body as JSON, its signature and hash. */
    public record StoredEntry(long seq, JsonNode body, String sig, String hash) {
    }

    private static final RowMapper<StoredEntry> MAPPER =
            (rs, n) -> new StoredEntry(rs.getLong(1), Json.parse(rs.getString(2)), rs.getString(3), rs.getString(4));

    private final JdbcTemplate jdbc;

    public LogbookQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries of {@code vacantId} from {@code fromSeq}, at most {@code limit}. */
    public List<StoredEntry> entries(String vacantId, long fromSeq, int limit) {
        return jdbc.query("select seq, body, sig, hash from " + LogbookProjector.TABLE
                        + " where vacant_id = ? and seq >= ? order by seq limit ?",
                MAPPER, vacantId, fromSeq, limit);
    }

    /**
     * The current drift anchor of a vacant, rebuilt from its signed samples: those that fed the anchor since the
     * last ANCHOR_RESET, in order.
     */
    public Anchor anchorOf(String vacantId) {
        List<long[]> fed = new ArrayList<>();
        for (StoredEntry entry : newestOfKinds(vacantId, List.of(LogbookKind.BEHAVIOR_SAMPLED.name(),
                LogbookKind.ANCHOR_RESET.name()))) {
            if (entry.body().get("kind").asText().equals(LogbookKind.ANCHOR_RESET.name())) {
                break;
            }
            SamplePayload sample = Payloads.read(entry.body().get("payload"), SamplePayload.class);
            if (sample.anchor()) {
                fed.add(0, sample.features());
            }
        }
        Anchor anchor = Anchor.empty();
        for (long[] features : fed) {
            anchor = anchor.plus(features);
        }
        return anchor;
    }

    /** Entries of the given kinds, newest first. */
    private List<StoredEntry> newestOfKinds(String vacantId, List<String> kinds) {
        String placeholders = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        Object[] args = new Object[kinds.size() + 1];
        args[0] = vacantId;
        for (int i = 0; i < kinds.size(); i++) {
            args[i + 1] = kinds.get(i);
        }
        return jdbc.query("select seq, body, sig, hash from " + LogbookProjector.TABLE + " where vacant_id = ? and kind in ("
                + placeholders + ") order by seq desc",
                MAPPER, args);
    }
}
