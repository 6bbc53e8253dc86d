package bench.plain;

import bench.plain.Messages.CallReceived;
import bench.plain.Messages.ChildSpawned;
import bench.plain.Messages.GenesisRecorded;
import bench.plain.Messages.HeartbeatRecorded;
import bench.plain.Messages.VacantBorn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one read model, a row per vacant, kept by the tracking processor {@code registry}. */
@Component
@ProcessingGroup("registry")
class RegistryProjection {

    private final JdbcTemplate jdbc;

    RegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GenesisRecorded e) {
        insert(e.id(), null);
    }

    @EventHandler
    void on(VacantBorn e) {
        insert(e.id(), e.parentId());
    }

    @EventHandler
    void on(HeartbeatRecorded e) {
        jdbc.update("update vacant_registry set heartbeats = heartbeats + 1, last_seq = ? where vacant_id = ?", e.seq(),
                e.id());
    }

    @EventHandler
    void on(CallReceived e) {
        jdbc.update("update vacant_registry set calls = calls + 1, last_seq = ? where vacant_id = ?", e.seq(), e.id());
    }

    @EventHandler
    void on(ChildSpawned e) {
        jdbc.update("update vacant_registry set children = children + 1, last_seq = ? where vacant_id = ?", e.seq(),
                e.id());
    }

    private void insert(String id, String parentId) {
        jdbc.update("insert into vacant_registry (vacant_id, parent_id, heartbeats, calls, children, last_seq)"
                + " values (?, ?, 0, 0, 0, 0) on conflict do nothing", id, parentId);
    }
}
