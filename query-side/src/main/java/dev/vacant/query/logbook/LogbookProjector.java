package dev.vacant.query.logbook;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every logbook entry, raw (body JSON, sig, hash), by vacant and seq, so clients can verify chains themselves.
 * Idempotent: an entry already stored is not stored again.
 */
public final class LogbookProjector implements Projector {

    public static final String NAME = "logbook";
    public static final String TABLE = "vacant_logbook";

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
        LogbookEntry entry = event.entry();
        Integer present = jdbc.queryForObject("select count(*) from " + TABLE + " where vacant_id = ? and seq = ?",
                Integer.class, event.vacantId(), entry.seq());
        if (present != null && present > 0) {
            return;
        }
        jdbc.update("insert into " + TABLE + " (vacant_id, seq, kind, ts, body, sig, hash, position) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                event.vacantId(), entry.seq(), entry.kind(),
                OffsetDateTime.ofInstant(Timestamps.parse(entry.body().ts()), ZoneOffset.UTC),
                Json.write(entry.body().toJson()), entry.sig(), entry.hash(), position.globalIndex());
    }
}
