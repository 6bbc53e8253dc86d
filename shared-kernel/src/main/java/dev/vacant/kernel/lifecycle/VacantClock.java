package dev.vacant.kernel.lifecycle;

import java.time.Instant;

/**
 * The times the dormancy timers are computed from: last activity, when the current state was entered, and
 * the last heartbeat (null when none yet).
 */
public record VacantClock(Instant lastActive, Instant stateSince, Instant lastHeartbeat) {
}
