package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.task.ControlMode;

/**
 * An operator switched the task loop (HALT, PAUSE or RESUME on the {@code control} chain, signed by the node);
 * the payload ({@link Payload}) records the mode it led to and the operator.
 */
public record ControlChangedEvent(LogbookEntry entry) implements SignedEvent {

    /** The mode the entry led to. */
    public ControlMode mode() {
        return ControlMode.valueOf(entry.body().payload().get("mode").asText());
    }

    /** The signed payload: the mode entered and the operator principal who asked. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Payload(ControlMode mode, String operator) {
    }
}
