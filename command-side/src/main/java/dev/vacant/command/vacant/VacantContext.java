package dev.vacant.command.vacant;

import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
import java.time.Clock;
import java.time.Instant;

/** What the Vacant command handlers need from outside: custody, the clock, lifecycle and drift settings, and the timer port. */
public record VacantContext(KeyCustody custody, Clock clock, LifecycleSettings lifecycle, DriftSettings drift,
                            VacantTimers timers) {

    public Instant now() {
        return clock.instant();
    }
}
