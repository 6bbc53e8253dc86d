package dev.vacant.kernel.lifecycle;

import java.time.Duration;

/** The configurable heartbeat periods of {@code lifecycle.md} (defaults 60 s, 900 s, 86400 s). */
public record HeartbeatPeriods(Duration base, Duration hibernating, Duration sunk) {

    public static final HeartbeatPeriods DEFAULTS =
            new HeartbeatPeriods(Duration.ofSeconds(60), Duration.ofSeconds(900), Duration.ofSeconds(86_400));

    public Duration of(HeartbeatCadence cadence) {
        return switch (cadence) {
            case BASE -> base;
            case HIBERNATING -> hibernating;
            case SUNK -> sunk;
        };
    }
}
