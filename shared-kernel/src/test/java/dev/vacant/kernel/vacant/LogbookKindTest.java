package dev.vacant.kernel.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.Transition;
import dev.vacant.kernel.lifecycle.TransitionTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How each kind evolves a vacant's state: from what its entry records, never from today's table. */
class LogbookKindTest {

    @Test
    void graduated_takesTheNamedState_onTheChild_andKeepsTheParentsState() {
        assertThat(LogbookKind.GRADUATED.evolve(LifecycleState.LOCAL, LifecycleState.ACTIVE)).isEqualTo(LifecycleState.ACTIVE);
        assertThat(LogbookKind.GRADUATED.evolve(LifecycleState.LOCAL, null)).isEqualTo(LifecycleState.LOCAL);
        assertThat(LogbookKind.GRADUATED.isActivity()).isTrue();
    }

    @Test
    void taskReceived_isACall_takingTheStateItRecords_andActivity() {
        assertThat(LogbookKind.TASK_RECEIVED.evolve(LifecycleState.HIBERNATING, LifecycleState.ACTIVE))
                .isEqualTo(LifecycleState.ACTIVE);
        assertThat(LogbookKind.TASK_RECEIVED.lifecycleEvent()).contains(LifecycleEvent.CALL_RECEIVED);
        assertThat(LogbookKind.TASK_RECEIVED.isActivity()).isTrue();
    }

    @Test
    void recordedState_winsOverTheTable_soReplayNeverReDecides() {
        try (TransitionTable.Amendment ignored = TransitionTable.amend(LifecycleState.HIBERNATING,
                LifecycleEvent.CALL_RECEIVED, LifecycleState.HIBERNATING)) {
            assertThat(LogbookKind.CALL_RECEIVED.evolve(LifecycleState.HIBERNATING, LifecycleState.ACTIVE))
                    .isEqualTo(LifecycleState.ACTIVE);
            assertThat(LogbookKind.DORMANCY_ELAPSED.evolve(LifecycleState.ACTIVE, LifecycleState.HIBERNATING))
                    .isEqualTo(LifecycleState.HIBERNATING);
        }
        assertThat(TransitionTable.next(LifecycleState.HIBERNATING, LifecycleEvent.CALL_RECEIVED))
                .contains(LifecycleState.ACTIVE);
    }

    /** Kinds that record no state leave it unchanged; sound only because the table maps their cells to themselves. */
    @Test
    void everyValidCellOfAKindRecordingNoState_mapsTheStateToItself() {
        List<LogbookKind> silent = Stream.of(LogbookKind.values())
                .filter(kind -> kind.lifecycleEvent().isPresent() && kind.stateField().isEmpty()).toList();
        assertThat(silent).containsExactlyInAnyOrder(LogbookKind.HEARTBEAT, LogbookKind.HEARTBEAT_SUNK,
                LogbookKind.REVIEW_RECEIVED, LogbookKind.SPAWN, LogbookKind.CONSENT_USED);
        for (LogbookKind kind : silent) {
            for (Transition cell : TransitionTable.cells()) {
                if (cell.event() == kind.lifecycleEvent().orElseThrow() && cell.next().isPresent()) {
                    assertThat(cell.next()).as(kind + " in " + cell.state()).contains(cell.state());
                    assertThat(kind.evolve(cell.state(), null)).isEqualTo(cell.state());
                }
            }
        }
    }

    /** Calls signed before entries recorded {@code to} replay by the rule they were decided under, which the table still holds. */
    @Test
    void callsRecordedWithoutState_followTheFrozenRule_thatTheTableStillAgreesWith() {
        for (Transition cell : TransitionTable.cells()) {
            if (cell.event() == LifecycleEvent.CALL_RECEIVED && cell.next().isPresent()) {
                assertThat(LogbookKind.CALL_RECEIVED.evolve(cell.state(), null)).isEqualTo(cell.next().get());
                assertThat(LogbookKind.TASK_RECEIVED.evolve(cell.state(), null)).isEqualTo(cell.next().get());
            }
        }
    }

    @Test
    void registrationOutboundAndCompletion_leaveTheStateAsItIs() {
        for (LogbookKind kind : new LogbookKind[] {LogbookKind.CHILD_REGISTERED, LogbookKind.MANIFEST_ACCEPTED,
                LogbookKind.ALLOWLIST_CHANGED, LogbookKind.OUTBOUND_ALLOWED, LogbookKind.OUTBOUND_DENIED,
                LogbookKind.DELEGATED, LogbookKind.DELEGATION_COMPLETED}) {
            assertThat(kind.evolve(LifecycleState.STALE, null)).as(kind.name()).isEqualTo(LifecycleState.STALE);
        }
    }
}
