package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.vacant.ReplayedVacant;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import dev.vacant.query.registry.RegistryProjector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History is what the entries recorded: a store written through the app (vacants taken through every state change)
 * replays, in the aggregate and in every rebuilt projection, to exactly the same states under a transition table
 * with one cell changed.
 */
class RecordedStateReplayTest extends VacantApiTestBase {

    @Autowired
    CommandGateway commands;
    @Autowired
    Cache vacantCache;
    @Autowired
    Repository<Vacant> vacantRepository;
    @Autowired
    ProjectionPositions positions;

    @Test
    void replay_underAnEditedTable_yieldsTheRecordedStates() {
        Map<String, LifecycleState> expected = storeThroughEveryStateChange();
        ProjectionsCaughtUp.await(positions, List.of(RegistryProjector.NAME));
        List<Map<String, Object>> rows = rowsOf(expected.keySet());
        assertThat(replayedStates(expected.keySet())).isEqualTo(expected);

        try (TransitionTable.Amendment woken = TransitionTable.amend(LifecycleState.HIBERNATING,
                LifecycleEvent.CALL_RECEIVED, LifecycleState.HIBERNATING)) {
            assertReplaysAsRecorded(expected, rows);
        }
        try (TransitionTable.Amendment sunk = TransitionTable.amend(LifecycleState.STALE,
                LifecycleEvent.DORMANCY_ELAPSED, LifecycleState.ARCHIVED)) {
            assertReplaysAsRecorded(expected, rows);
        }
    }

    private void assertReplaysAsRecorded(Map<String, LifecycleState> expected, List<Map<String, Object>> rows) {
        assertThat(replayedStates(expected.keySet())).isEqualTo(expected);
        assertThat(api.post("/api/v1/projections/" + RegistryProjector.NAME + "/reset", operator, null).status())
                .isEqualTo(202);
        ProjectionsCaughtUp.await(positions, List.of(RegistryProjector.NAME));
        assertThat(rowsOf(expected.keySet())).isEqualTo(rows);
    }

    /** Vacants through every lifecycle change the app records, with the state each is left in. */
    private Map<String, LifecycleState> storeThroughEveryStateChange() {
        Map<String, LifecycleState> states = new LinkedHashMap<>();
        String woken = genesis(null);
        dormant(woken, Duration.ofHours(2));
        call(woken);
        states.put(woken, LifecycleState.ACTIVE);

        String revived = genesis(null);
        dormant(revived, Duration.ofHours(2));
        dormant(revived, Duration.ofDays(8));
        assertThat(api.post("/api/v1/vacants/" + revived + "/revive", aliceToken, null).status()).isEqualTo(200);
        states.put(revived, LifecycleState.ACTIVE);

        String archived = genesis(null);
        dormant(archived, Duration.ofHours(2));
        dormant(archived, Duration.ofDays(8));
        dormant(archived, Duration.ofDays(31));
        clock.advance(Duration.ofDays(91));
        assertThat(api.post("/api/v1/vacants/" + archived + "/archive", operator, null).status()).isEqualTo(200);
        states.put(archived, LifecycleState.ARCHIVED);

        String stale = genesis(null);
        dormant(stale, Duration.ofHours(2));
        call(stale);
        dormant(stale, Duration.ofHours(2));
        dormant(stale, Duration.ofDays(8));
        states.put(stale, LifecycleState.STALE);

        String published = genesis("LOCAL");
        assertThat(api.post("/api/v1/vacants/" + published + "/publish", operator, null).status()).isEqualTo(200);
        states.put(published, LifecycleState.ACTIVE);

        String composite = genesis(null);
        String bud = api.post("/api/v1/vacants/" + composite + "/spawn", aliceToken, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("read"))).text("child_id");
        assertThat(api.post("/api/v1/composites/" + composite + "/delegations", aliceToken,
                Json.object().put("child", bud).put("subtask", "read this")).status()).isEqualTo(201);
        states.put(composite, LifecycleState.ACTIVE);
        states.put(bud, LifecycleState.LOCAL);
        return states;
    }

    private String genesis(String state) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, state, "read")).text("id");
    }

    private void call(String vacant) {
        assertThat(api.post("/api/v1/vacants/" + vacant + "/calls", aliceToken, null).status()).isEqualTo(200);
    }

    /** Moves the clock on and fires the vacant's timer: one dormancy step. */
    private void dormant(String vacant, Duration after) {
        clock.advance(after);
        LifecycleState before = commands.<VacantCommandResult>sendAndWait(new FireVacantTimerCommand(vacant)).state();
        assertThat(before).isIn(LifecycleState.HIBERNATING, LifecycleState.STALE, LifecycleState.SUNK);
    }

    /** The states of the aggregates replayed afresh from the store (the cache emptied). */
    private Map<String, LifecycleState> replayedStates(Iterable<String> vacants) {
        vacantCache.removeAll();
        Map<String, LifecycleState> states = new LinkedHashMap<>();
        for (String vacant : vacants) {
            states.put(vacant, ReplayedVacant.state(vacantRepository, vacant));
        }
        return states;
    }

    private List<Map<String, Object>> rowsOf(Iterable<String> vacants) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String vacant : vacants) {
            rows.addAll(jdbc.queryForList("select * from vacant_registry where vacant_id = ?", vacant));
            rows.addAll(jdbc.queryForList("select * from composite_child where child_id = ?", vacant));
        }
        return rows;
    }
}
