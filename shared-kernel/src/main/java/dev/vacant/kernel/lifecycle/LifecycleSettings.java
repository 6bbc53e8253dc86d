package dev.vacant.kernel.lifecycle;

import java.time.Duration;

/**
 * Dormancy and archive thresholds plus heartbeat periods ({@code lifecycle.md}); defaults 1 h, 7 d, 30 d, 90 d.
 */
public record LifecycleSettings(Duration hibernateAfter, Duration staleAfter, Duration sinkAfter,
                                Duration archiveAfterSunk, HeartbeatPeriods heartbeats) {

    public static final LifecycleSettings DEFAULTS = new LifecycleSettings(Duration.ofHours(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(90), HeartbeatPeriods.DEFAULTS);
}
