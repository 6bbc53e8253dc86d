package dev.vacant.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.infra.support.VacantFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's commands, through its command bus and event store (group commit, nested units of work, the
 * event bus's interceptors), tell {@link AppendedPositions} where the newest entry this node committed is: what
 * {@link TailAwareStorageEngine} compares a read's last event with.
 */
class CommittedPositionsTest extends VacantApiTestBase {

    @Autowired
    private AppendedPositions appended;

    @Test
    void aCommandsCommittedEntry_isKnownAsCommitted_atItsStoredPosition() {
        String id = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        assertThat(api.post("/api/v1/vacants/" + id + "/calls", aliceToken, null).status()).isEqualTo(200);

        long stored = jdbc.queryForObject("select max(global_index) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, id);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(appended.highestCommitted()).as("not unknown, and no lower than the call's entry")
                .isBetween(stored, head);
    }
}
