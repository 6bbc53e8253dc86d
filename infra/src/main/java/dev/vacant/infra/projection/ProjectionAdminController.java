package dev.vacant.infra.projection;

import dev.vacant.kernel.auth.Actor;
import java.time.Duration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator-only online replay: resets the tracking processor the projections share, which clears every
 * projection's tables and rebuilds them from the event store while commands keep being accepted. Resets are
 * serialized and each waits until the processor works again; a reset asked for while a replay is under way joins
 * that replay (it rebuilds every projection already).
 */
@RestController
public class ProjectionAdminController {

    private static final Duration RESTART_WAIT = Duration.ofSeconds(10);

    private final ProjectionPositions positions;

    public ProjectionAdminController(ProjectionPositions positions) {
        this.positions = positions;
    }

    /** The answer to a reset: the projection asked for, now {@code REPLAYING} (with every other one). */
    public record ProjectionReset(String projection, String status) {
    }

    @PostMapping("/api/v1/projections/{name}/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionReset reset(@AuthenticationPrincipal Actor actor, @PathVariable String name) {
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
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
