package dev.vacant.kernel.vacant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.lifecycle.InvalidTransitionException;
import dev.vacant.kernel.lifecycle.LifecycleState;
import org.junit.jupiter.api.Test;

/** How the composite kinds evolve a vacant's state. */
class LogbookKindTest {

    @Test
    void graduated_takesTheNamedState_onTheChild_andKeepsTheParentsState() {
        assertThat(LogbookKind.GRADUATED.evolve(LifecycleState.LOCAL, LifecycleState.ACTIVE)).isEqualTo(LifecycleState.ACTIVE);
        assertThat(LogbookKind.GRADUATED.evolve(LifecycleState.LOCAL, null)).isEqualTo(LifecycleState.LOCAL);
        assertThat(LogbookKind.GRADUATED.isActivity()).isTrue();
    }

    @Test
    void taskReceived_isACall_soAStaleChildRefusesAndAHibernatingOneWakes() {
        assertThat(LogbookKind.TASK_RECEIVED.evolve(LifecycleState.HIBERNATING, null)).isEqualTo(LifecycleState.ACTIVE);
        assertThat(LogbookKind.TASK_RECEIVED.isActivity()).isTrue();
        assertThatThrownBy(() -> LogbookKind.TASK_RECEIVED.evolve(LifecycleState.STALE, null))
                .isInstanceOf(InvalidTransitionException.class);
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
