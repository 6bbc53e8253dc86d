package dev.vacant.kernel.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * When a vacant's next server timer is due: a dormancy step (ACTIVE after {@code hibernate-after} idle,
 * HIBERNATING after {@code stale-after}, STALE after {@code sink-after}) or, when SUNK, the server's own
 * custody heartbeat every {@code sunk} period. LOCAL and ARCHIVED vacants have no timer.
 */
public final class TimerPolicy {

    private TimerPolicy() {
    }

    public static Optional<Instant> nextDue(LifecycleState state, VacantClock clock, LifecycleSettings settings) {
        return switch (state) {
            case ACTIVE -> Optional.of(clock.lastActive().plus(settings.hibernateAfter()));
            case HIBERNATING -> Optional.of(clock.stateSince().plus(settings.staleAfter()));
            case STALE -> Optional.of(clock.stateSince().plus(settings.sinkAfter()));
            case SUNK -> Optional.of(latest(clock.stateSince(), clock.lastHeartbeat()).plus(settings.heartbeats().sunk()));
            case LOCAL, ARCHIVED -> Optional.empty();
        };
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
