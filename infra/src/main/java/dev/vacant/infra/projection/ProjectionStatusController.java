package dev.vacant.infra.projection;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.Projector;
import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /projections} (operator): the lag of each projection processor, i.e. how many stored events it has yet
 * to apply. Every projection shares one tracking processor ({@code architecture.md}), so there is one item.
 */
@RestController
public class ProjectionStatusController {

    private final ProjectionPositions positions;

    public ProjectionStatusController(ProjectionPositions positions) {
        this.positions = positions;
    }

    /** One processor: the projections it feeds, the store's head, its position, the lag and whether it replays. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProcessorLag(String processor, List<String> projections, long head, long position, long lag,
                               boolean replaying) {
    }

    /** The processors' lags. */
    public record Processors(List<ProcessorLag> items) {
    }

    @GetMapping("/api/v1/projections")
    public Processors list(@AuthenticationPrincipal Actor actor) {
        actor.requireOperator();
        List<String> names = ProjectionCatalog.projectors().stream().map(Projector::name).toList();
        StreamingEventProcessor processor = positions.processor(names.get(0));
        long head = positions.head();
        long position = Math.min(positions.position(), head);
        return new Processors(List.of(new ProcessorLag(ProjectionCatalog.PROCESSING_GROUP, names, head, position,
                head - position, processor.isReplaying())));
    }
}
