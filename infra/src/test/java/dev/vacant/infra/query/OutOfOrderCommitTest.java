package dev.vacant.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event whose transaction commits after a later one (concurrent commits do that) reaches the projections as
 * a gap filled late: it is still projected at its own global index, and a read waiting for it is not released
 * before it is projected. The late commit is staged by moving a real genesis event to an index taken before a later
 * vacant was created, which leaves the store exactly as a late commit would (every chain still valid).
 */
class OutOfOrderCommitTest extends VacantApiTestBase {

    private static final List<String> PROJECTIONS = List.of(RegistryProjector.NAME, LogbookProjector.NAME,
            LineageProjector.NAME);

    @Autowired
    ProjectionPositions positions;

    @Test
    void anEventCommittedLate_isProjectedAtItsOwnIndex_andHoldsBackReadsUntilProjected() {
        String late = genesis();
        ProjectionsCaughtUp.await(positions, PROJECTIONS);
        forgetProjectedRowsOf(late);

        long reserved = jdbc.queryForObject("select nextval(pg_get_serial_sequence('domain_event_entry', "
                + "'global_index'))", Long.class);
        genesis();
        ProjectionsCaughtUp.await(positions, PROJECTIONS);
        long head = positions.head();
        assertThat(head).isGreaterThan(reserved);

        assertThat(positions.reached(RegistryProjector.NAME, head)).as("a gap that holds no event").isTrue();

        commitLateAt(reserved, late);
        boolean reachedAtOnce = positions.reached(RegistryProjector.NAME, head);
        int projectedAtOnce = registryRows(late);
        assertThat(!reachedAtOnce || projectedAtOnce == 1).as("reached only once the late event is projected")
                .isTrue();
        ProjectionsCaughtUp.await(positions, PROJECTIONS);

        assertThat(jdbc.queryForObject("select node from lineage_node where vacant_id = ?", Long.class, late))
                .isEqualTo(reserved);
        assertThat(jdbc.queryForObject("select position from vacant_logbook where vacant_id = ? and seq = 0",
                Long.class, late)).isEqualTo(reserved);
        assertThat(registryRows(late)).isEqualTo(1);
    }

    private int registryRows(String vacant) {
        return jdbc.queryForObject("select count(*) from vacant_registry where vacant_id = ?", Integer.class, vacant);
    }

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
    }

    private void forgetProjectedRowsOf(String vacant) {
        jdbc.update("delete from lineage_node where vacant_id = ?", vacant);
        jdbc.update("delete from vacant_logbook where vacant_id = ?", vacant);
        jdbc.update("delete from vacant_registry where vacant_id = ?", vacant);
    }

    /** Moves the vacant's genesis event to {@code index}, as if its transaction had only committed now. */
    private void commitLateAt(long index, String vacant) {
        jdbc.update("update domain_event_entry set global_index = ? where aggregate_identifier = ? "
                + "and sequence_number = 0", index, vacant);
    }
}
