package dev.vacant.query.projection;

import java.util.Set;

/**
 * The sequences (vacants) whose events the live projections hold back after a failure, in the dead-letter queue:
 * a batch applied at once ({@link ProjectionBatches}) leaves their events to the queue.
 */
public interface ParkedSequences {

    /** The sequence identifiers parked now, as seen by the current transaction. */
    Set<String> parkedSequences();
}
