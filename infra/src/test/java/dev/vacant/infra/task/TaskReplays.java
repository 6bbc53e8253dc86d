package dev.vacant.infra.task;

import dev.vacant.infra.support.Polling;
import dev.vacant.query.task.TaskProjection;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replays of the tasks processor in tests. */
public final class TaskReplays {

    private TaskReplays() {
    }

    /** Resets the tasks processor (tables cleared, whole store replayed) and waits until it passed today's head. */
    public static void replayTasks(EventProcessingConfiguration processing, JdbcTemplate jdbc, Duration patience) {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor(TaskProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Polling.awaitUntil("the tasks processor replayed the whole store", patience,
                () -> !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                        .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
    }
}
