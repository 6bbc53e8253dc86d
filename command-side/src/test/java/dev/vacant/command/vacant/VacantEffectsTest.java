package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.command.vacant.VacantCommands.ReviveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.SpawnRequest;
import java.time.Duration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timers and key destruction follow applied entries only ({@link VacantEffects}), never a command handler. */
class VacantEffectsTest {

    private final VacantWorld world = new VacantWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void rejectedCommands_scheduleAndDestroyNothing() {
        String sunk = world.vacantIn(LifecycleState.SUNK);
        String stale = world.vacantIn(LifecycleState.STALE);
        String active = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.send(new RecordHeartbeatCommand(active, ALICE, null));
        world.timers.clearWrites();
        int destroyedBefore = world.custody.destroyed().size();

        world.assertRejected(() -> world.send(new ArchiveVacantCommand(active, OPERATOR)), ErrorCode.INVALID_TRANSITION, active);
        world.assertRejected(() -> world.send(new ArchiveVacantCommand(sunk, OPERATOR)), ErrorCode.ARCHIVE_TOO_EARLY, sunk);
        world.assertRejected(() -> world.send(new RecordHeartbeatCommand(active, ALICE, null)),
                ErrorCode.HEARTBEAT_TOO_SOON, active);
        world.assertRejected(() -> world.send(new ReceiveCallCommand(stale, ALICE, null)), ErrorCode.INVALID_TRANSITION, stale);
        world.assertRejected(() -> world.send(new SpawnVacantCommand(stale, ALICE,
                new SpawnRequest.CloneWithMutation("be brief"), null)), ErrorCode.INVALID_TRANSITION, stale);

        assertThat(world.timers.writes()).isEmpty();
        assertThat(world.custody.destroyed()).hasSize(destroyedBefore);
        assertThat(world.custody.holds(VacantId.parse(sunk))).isTrue();
    }

    @Test
    void acceptedCommands_moveTheTimerAndDestroyTheKey_exactlyOnce() {
        String sunk = world.vacantIn(LifecycleState.SUNK);
        world.clock.advance(Duration.ofDays(91));
        String hibernating = world.vacantIn(LifecycleState.HIBERNATING);
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.timers.clearWrites();

        world.send(new ReviveVacantCommand(hibernating, ALICE));
        world.send(new ArchiveVacantCommand(sunk, OPERATOR));
        world.send(new ReceiveCallCommand(parent, ALICE, null));
        String child = world.unregisteredChild(parent);

        String due = world.clock.instant().plus(Duration.ofHours(1)).toString();
        assertThat(world.timers.writes()).containsExactly("schedule " + hibernating + " " + due, "cancel " + sunk,
                "schedule " + child + " " + due);
        assertThat(world.custody.destroyed()).containsExactly(VacantId.parse(sunk));
        assertThat(world.custody.holds(VacantId.parse(sunk))).isFalse();
    }

    /** The effects run when the unit of work publishes its entries, so one that rolls back leaves none behind. */
    @Test
    void aUnitOfWorkRolledBackAfterItsCommandsApplied_leavesNoTimerAndTheKeyIntact() {
        String sunk = world.vacantIn(LifecycleState.SUNK);
        world.clock.advance(Duration.ofDays(91));
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.timers.clearWrites();
        int entries = world.logbook(parent).size();

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        world.send(new ArchiveVacantCommand(sunk, OPERATOR));
        String child = world.unregisteredChild(parent);
        unitOfWork.rollback();

        assertThat(world.timers.writes()).isEmpty();
        assertThat(world.timers.dueOf(child)).isEmpty();
        assertThat(world.custody.destroyed()).isEmpty();
        assertThat(world.custody.holds(VacantId.parse(sunk))).isTrue();
        assertThat(world.logbook(parent)).hasSize(entries);
    }
}
