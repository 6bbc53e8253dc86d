package dev.vacant.infra.projection;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * An event parked in the projections' dead-letter queue: the dead letter's {@code id}, the vacant whose sequence it
 * blocks with its {@code seq} in that vacant's chain, the stored event and why it failed last.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ParkedEvent(String id, String vacant, long seq, String eventId, String eventType, String causeType,
                          String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
