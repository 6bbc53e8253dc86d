package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.vacant.VacantCommands.ReportBehaviorSampleCommand;
import dev.vacant.command.vacant.VacantCommands.ResetAnchorCommand;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour samples feed the anchor, then drifting ones append DRIFT_DETECTED; the state never changes. */
class VacantDriftTest {

    private final VacantWorld world = new VacantWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> kinds(String id) {
        return world.logbook(id).stream().map(LogbookEntry::kind).toList();
    }

    @Test
    void sample_isRefusedWithInvalidTransition_bySunkAndArchivedVacants() {
        for (LifecycleState state : List.of(LifecycleState.SUNK, LifecycleState.ARCHIVED)) {
            String id = world.vacantIn(state);
            world.assertRejected(() -> world.send(new ReportBehaviorSampleCommand(id, ALICE, "any text at all")),
                    ErrorCode.INVALID_TRANSITION, id);
        }
    }

    @Test
    void samples_buildTheAnchorFirst_thenOnlyDriftingOnesAppendDriftDetected() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();
        for (String text : DriftFixtures.PROSE.subList(0, 20)) {
            world.send(new ReportBehaviorSampleCommand(id, ALICE, text));
        }
        assertThat(kinds(id)).doesNotContain("DRIFT_DETECTED");
        assertThat(world.logbook(id).get(20).body().payload().get("anchor").asBoolean()).isTrue();

        world.send(new ReportBehaviorSampleCommand(id, ALICE, DriftFixtures.PROSE.get(21)));
        assertThat(kinds(id)).doesNotContain("DRIFT_DETECTED");
        LogbookEntry sampled = world.logbook(id).get(21);
        assertThat(sampled.body().payload().get("anchor").asBoolean()).isFalse();
        assertThat(sampled.body().payload().get("features")).hasSize(16);
        assertThat(sampled.body().payload().get("digest").asText()).hasSize(64);
        assertThat(sampled.body().payload().toString()).doesNotContain(DriftFixtures.PROSE.get(21).substring(0, 20));

        VacantCommandResult drifted = world.send(new ReportBehaviorSampleCommand(id, ALICE, DriftFixtures.TERSE.get(0)));

        assertThat(drifted.state()).isEqualTo(LifecycleState.ACTIVE);
        LogbookEntry drift = world.logbook(id).get(world.logbook(id).size() - 1);
        assertThat(drift.kind()).isEqualTo("DRIFT_DETECTED");
        assertThat(drift.body().payload().get("drift_milli").asLong()).isGreaterThanOrEqualTo(6000);
        assertThat(drift.body().payload().get("threshold_milli").asLong()).isEqualTo(6000);
    }

    @Test
    void resetAnchor_makesTheNextSamplesFeedANewAnchor() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();
        for (String text : DriftFixtures.PROSE.subList(0, 20)) {
            world.send(new ReportBehaviorSampleCommand(id, ALICE, text));
        }

        world.send(new ResetAnchorCommand(id, ALICE));
        world.send(new ReportBehaviorSampleCommand(id, ALICE, DriftFixtures.TERSE.get(0)));

        assertThat(kinds(id)).endsWith("ANCHOR_RESET", "BEHAVIOR_SAMPLED").doesNotContain("DRIFT_DETECTED");
        assertThat(world.logbook(id).get(world.logbook(id).size() - 1).body().payload().get("anchor").asBoolean()).isTrue();
    }
}
