package dev.vacant.infra.projection;

import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * The settings Vacant's tracking processors (the projections', the tasks read model's) share: one thread, and a
 * token stored past the events a processor ignores after {@value #IDLE_WAIT_MILLIS} ms without one it handles.
 * Axon's default wait is a second: after a burst of events a processor ignores (the projections ignore task events,
 * the tasks read model every vacant's), its stored token, which {@code consistency=strong} reads and another instance
 * resumes from, stood up to a second behind the store's head. The price is one claim extension per wait while idle.
 */
public final class TrackingProcessors {

    /** How long a processor waits for an event it handles before storing its token past those it ignored. */
    public static final long IDLE_WAIT_MILLIS = 200;

    private TrackingProcessors() {
    }

    /** One thread, batches of at most {@code batchSize} events, the shorter wait. */
    public static TrackingEventProcessorConfiguration singleThreaded(int batchSize) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
