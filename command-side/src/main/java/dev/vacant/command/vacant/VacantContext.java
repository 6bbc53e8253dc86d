package dev.vacant.command.vacant;

import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
import java.time.Clock;
import java.time.Instant;

/** What the Vacant command handlers need from outside: custody, the clock, settings and the timer port. */
public record VacantContext(KeyCustody custody, Clock clock, LifecycleSettings lifecycle, VacantTimers timers) {

    public Instant now() {
        return clock.instant();
    }
}
