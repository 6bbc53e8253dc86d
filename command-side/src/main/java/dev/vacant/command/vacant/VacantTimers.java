package dev.vacant.command.vacant;

import java.time.Instant;

/**
 * Port of the persistent per-vacant timer (dormancy steps and SUNK custody heartbeats). Writes join the
 * command's transaction, so a rejected command schedules nothing.
 */
public interface VacantTimers {

    /** Sets the vacant's single pending timer to fire at {@code due}. */
    void schedule(String vacantId, Instant due);

    /** Removes the vacant's pending timer, if any. */
    void cancel(String vacantId);
}
