package dev.vacant.infra.projection;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.query.projection.ProjectionCatalog;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

/**
 * Operator-only projection operations, as REST ({@code ProjectionAdminController}) and gRPC
 * ({@code vacant.projections.v1.Projections}) share them:
 * <ul>
 *   <li>{@link #processors}: the processor the projections share, its position, the store's head, the lag between
 *       them and the parked sequences;</li>
 *   <li>{@link #deadLetters} lists the parked events, {@link #retry} applies the sequence holding one again
 *       ({@link ProjectionDeadLetters});</li>
 *   <li>online replay: {@link #reset} resets the tracking processor, which clears every projection's tables and its
 *       dead letters and rebuilds them from the event store while commands keep being accepted. Resets are
 *       serialized and each waits until the processor works again; a reset asked for while a replay is under way
 *       joins that replay (it rebuilds every projection already).</li>
 * </ul>
 */
@Service
public class ProjectionAdministration {

    private static final Duration RESTART_WAIT = Duration.ofSeconds(10);
    private static final Duration RESTART_POLL = Duration.ofMillis(10);

    private final ProjectionPositions positions;
    private final ProjectionDeadLetters deadLetters;

    public ProjectionAdministration(ProjectionPositions positions, ProjectionDeadLetters deadLetters) {
        this.positions = positions;
        this.deadLetters = deadLetters;
    }

    /** One processor's progress (every projection runs in it). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProcessorLag(String processor, List<String> projections, long position, long head, long lag,
                               boolean replaying, long parkedSequences, long parkedEvents) {
    }

    /** The processors' progress. */
    public record Processors(List<ProcessorLag> items) {
    }

    /** The parked events, sequence by sequence in order. */
    public record DeadLetters(List<ParkedEvent> items) {
    }

    /** A retry's outcome: whether the parked sequence applied, and how many events stay parked in all. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RetryOutcome(String id, boolean applied, long parkedEvents) {
    }

    /** The answer to a reset: the projection asked for, now {@code REPLAYING} (with every other one). */
    public record ProjectionReset(String projection, String status) {
    }

    public Processors processors(Actor actor) {
        actor.requireOperator();
        return new Processors(List.of(new ProcessorLag(ProjectionCatalog.PROCESSING_GROUP, ProjectionCatalog.names(),
                positions.position(), positions.head(), positions.lag(), positions.processor().isReplaying(),
                deadLetters.parkedSequences(), deadLetters.parkedEvents())));
    }

    public DeadLetters deadLetters(Actor actor) {
        actor.requireOperator();
        return new DeadLetters(deadLetters.list());
    }

    public RetryOutcome retry(Actor actor, String id) {
        actor.requireOperator();
        boolean applied = deadLetters.retry(id);
        return new RetryOutcome(id, applied, deadLetters.parkedEvents());
    }

    public ProjectionReset reset(Actor actor, String name) {
        actor.requireOperator();
        StreamingEventProcessor processor = positions.processor(name);
        synchronized (this) {
            if (!processor.isReplaying()) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                awaitWorking(processor);
            }
        }
        return new ProjectionReset(name, "REPLAYING");
    }

    /** Waits (bounded) until the restarted processor has claimed its segments again. */
    private static void awaitWorking(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                PollPause.sleep(RESTART_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
