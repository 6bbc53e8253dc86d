package dev.vacant.infra.audit;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test projection: events per vacant, idempotent by head seq (the catalog's projectors come from elsewhere). */
final class EventCountProjector implements Projector {

    static final String TABLE = "audit_event_count";
    static final String CREATE_TABLE = "create table " + TABLE + " (vacant_id varchar(64) primary key, "
            + "events bigint not null, head_seq bigint not null, position bigint not null)";

    @Override
    public String name() {
        return "audit-event-count";
    }

    @Override
    public List<ProjectionTable> tables() {
        return List.of(new ProjectionTable(TABLE, List.of("vacant_id")));
    }

    @Override
    public void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position) {
        List<Long> head = jdbc.queryForList("select head_seq from " + TABLE + " where vacant_id = ?", Long.class,
                event.vacantId());
        if (head.isEmpty()) {
            jdbc.update("insert into " + TABLE + " (vacant_id, events, head_seq, position) values (?, 1, ?, ?)",
                    event.vacantId(), event.entry().seq(), position.globalIndex());
        } else if (event.entry().seq() > head.get(0)) {
            jdbc.update("update " + TABLE + " set events = events + 1, head_seq = ?, position = ? where vacant_id = ?",
                    event.entry().seq(), position.globalIndex(), event.vacantId());
        }
    }
}
