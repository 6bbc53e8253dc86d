package dev.vacant.infra.projection;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where the event store's head is, and how far each projection's tracking processor has come. */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public ProjectionPositions(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** The global index of the newest stored event (0 when none). */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The lowest position any segment of the projection has processed, if it has processed anything. */
    public OptionalLong position(String projection) {
        StreamingEventProcessor processor = processor(projection);
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .reduce(OptionalLong.empty(), (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a
                        : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong())));
    }

    /** The tracking processor of a projection, or {@code NOT_FOUND}. */
    public StreamingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no projection " + projection));
    }
}
