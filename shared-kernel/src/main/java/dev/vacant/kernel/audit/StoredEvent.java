package dev.vacant.kernel.audit;

/**
 * One row of the event store as audit replay reads it: Axon's envelope columns and the raw payload bytes
 * ({@code domain_event_entry}: {@code global_index}, {@code aggregate_identifier}, {@code sequence_number},
 * {@code type}, {@code payload_type}, {@code payload}).
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String aggregateType,
                          String payloadType, byte[] payload) {
}
