package dev.vacant.infra.projection;

import dev.vacant.kernel.auth.Actor;
import java.util.Map;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator-only online replay: resets a projection's tracking processor, which clears its tables and rebuilds
 * them from the event store while commands keep being accepted.
 */
@RestController
public class ProjectionAdminController {

    private final ProjectionPositions positions;

    public ProjectionAdminController(ProjectionPositions positions) {
        this.positions = positions;
    }

    @PostMapping("/api/v1/projections/{name}/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> reset(@AuthenticationPrincipal Actor actor, @PathVariable String name) {
        actor.requireOperator();
        StreamingEventProcessor processor = positions.processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return Map.of("projection", name, "status", "REPLAYING");
    }
}
