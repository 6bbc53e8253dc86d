package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static dev.vacant.command.vacant.VacantWorld.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.command.vacant.VacantCommands.PublishVacantCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules beyond the table: heartbeat cadence, archive timing and key destruction, timers, authorisation. */
class VacantBehaviourTest {

    private final VacantWorld world = new VacantWorld();

    @AfterEach
    void close() {
        world.close();
    }


    @Test
    void heartbeat_isRejectedAsTooSoon_whenFloodedWithinHalfThePeriod() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.send(new RecordHeartbeatCommand(id, ALICE, null));
        world.clock.advance(Duration.ofSeconds(29));

        world.assertRejected(() -> world.send(new RecordHeartbeatCommand(id, ALICE, null)), ErrorCode.HEARTBEAT_TOO_SOON, id);

        world.clock.advance(Duration.ofSeconds(1));
        VacantCommandResult ok = world.send(new RecordHeartbeatCommand(id, ALICE, Json.object().put("load", 3)));
        assertThat(ok.seq()).isEqualTo(2);
        LogbookEntry entry = world.logbook(id).get(2);
        assertThat(entry.kind()).isEqualTo("HEARTBEAT");
        assertThat(Json.write(entry.body().payload())).isEqualTo("{\"liveness\":true,\"extra\":{\"load\":3}}");
    }

    @Test
    void archive_isTooEarly_before90DaysSunk_andDestroysTheKeyAfter() {
        String id = world.vacantIn(LifecycleState.SUNK);
        world.assertRejected(() -> world.send(new ArchiveVacantCommand(id, OPERATOR)), ErrorCode.ARCHIVE_TOO_EARLY, id);
        world.clock.advance(Duration.ofDays(89));
        world.assertRejected(() -> world.send(new ArchiveVacantCommand(id, ALICE)), ErrorCode.FORBIDDEN, id);

        VacantCommandResult archived = world.send(new ArchiveVacantCommand(id, OPERATOR));

        assertThat(archived.state()).isEqualTo(LifecycleState.ARCHIVED);
        assertThat(world.custody.holds(VacantId.parse(id))).isFalse();
        assertThat(world.timers.dueOf(id)).isEmpty();
        assertThat(ChainVerifier.verify(id, world.logbook(id))).isEmpty();
        world.assertRejected(() -> world.send(new RecordHeartbeatCommand(id, OPERATOR, null)), ErrorCode.INVALID_TRANSITION, id);
    }

    @Test
    void timers_areLazyWithinAState_andFireOncePerStepWhenLate() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();
        assertThat(world.timers.dueOf(id)).contains(VacantWorld.T0.plus(Duration.ofHours(1)));

        world.clock.advance(Duration.ofMinutes(50));
        world.send(new ReceiveCallCommand(id, ALICE, null));
        Instant called = world.clock.instant();
        assertThat(world.timers.dueOf(id)).contains(VacantWorld.T0.plus(Duration.ofHours(1)));

        world.clock.advance(Duration.ofMinutes(10));
        world.send(new FireVacantTimerCommand(id));
        assertThat(world.logbook(id)).hasSize(2);
        assertThat(world.timers.dueOf(id)).contains(called.plus(Duration.ofHours(1)));

        world.clock.advance(Duration.ofDays(400));
        VacantCommandResult fired = world.send(new FireVacantTimerCommand(id));

        assertThat(fired.state()).isEqualTo(LifecycleState.HIBERNATING);
        assertThat(world.timers.dueOf(id)).contains(world.clock.instant().plus(Duration.ofDays(7)));
        List<String> kinds = world.logbook(id).stream().map(LogbookEntry::kind).toList();
        assertThat(kinds).containsExactly("GENESIS", "CALL_RECEIVED", "DORMANCY_ELAPSED");
        assertThat(Json.write(world.logbook(id).get(2).body().payload())).isEqualTo("{\"from\":\"ACTIVE\",\"to\":\"HIBERNATING\"}");
    }

    @Test
    void timer_thatIsNotDueYet_writesNothingAndKeepsItsTime() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.clock.advance(Duration.ofMinutes(10));

        VacantCommandResult result = world.send(new FireVacantTimerCommand(id));

        assertThat(result.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(world.logbook(id)).hasSize(1);
        assertThat(world.timers.dueOf(id)).contains(VacantWorld.T0.plus(Duration.ofHours(1)));
    }

    @Test
    void sunkVacant_getsServerCustodyHeartbeats_onItsSchedule() {
        String id = world.vacantIn(LifecycleState.SUNK);

        world.send(new FireVacantTimerCommand(id));

        LogbookEntry last = world.logbook(id).get(world.logbook(id).size() - 1);
        assertThat(last.kind()).isEqualTo("HEARTBEAT_SUNK");
        assertThat(Json.write(last.body().payload())).isEqualTo("{\"liveness\":false,\"key_in_custody\":true}");
        assertThat(world.timers.dueOf(id)).contains(world.clock.instant().plus(Duration.ofDays(1)));
    }

    @Test
    void localVacant_hasNoTimer_andOnlyAnOperatorPublishesARoot() {
        String id = world.genesis("alice", LifecycleState.LOCAL).id();
        assertThat(world.timers.dueOf(id)).isEmpty();
        world.assertRejected(() -> world.send(new PublishVacantCommand(id, ALICE)), ErrorCode.FORBIDDEN, id);

        VacantCommandResult published = world.send(new PublishVacantCommand(id, OPERATOR));

        assertThat(published.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(world.logbook(id).get(1).kind()).isEqualTo("PUBLISHED");
        assertThat(world.timers.dueOf(id)).isPresent();
        world.assertRejected(() -> world.send(new PublishVacantCommand(id, OPERATOR)), ErrorCode.INVALID_TRANSITION, id);
    }

    @Test
    void controller_cannotActOnAnotherControllersVacant_andGenesisIsOperatorOnly() {
        String id = world.genesis("alice", LifecycleState.ACTIVE).id();

        world.assertRejected(() -> world.send(new ReceiveCallCommand(id, BOB, null)), ErrorCode.FORBIDDEN, id);
        world.assertRejected(() -> world.send(new RecordHeartbeatCommand(id, BOB, null)), ErrorCode.FORBIDDEN, id);
        assertThatThrownBy(() -> world.send(new VacantCommands.CreateGenesisCommand(ALICE, "alice", null,
                VacantWorld.bundle(), VacantWorld.substrate("p", "m", "f"))))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void genesis_signsSeqZero_withAFreshKeyAndTheNamedController() {
        VacantCommandResult a = world.genesis("alice", null);
        VacantCommandResult b = world.genesis("alice", null);

        assertThat(a.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(a.id()).isNotEqualTo(b.id());
        LogbookEntry genesis = world.logbook(a.id()).get(0);
        assertThat(genesis.seq()).isZero();
        assertThat(genesis.body().prev()).isNull();
        assertThat(genesis.body().payload().get("controller").asText()).isEqualTo("alice");
        assertThat(genesis.body().payload().get("bundle_digest").asText()).hasSize(64);
        assertThat(ChainVerifier.verify(a.id(), world.logbook(a.id()))).isEmpty();
    }
}
