package dev.vacant.kernel.audit;

/**
 * One row of the event store as audit replay reads it: Axon's envelope columns, the raw payload bytes and the raw
 * metadata bytes ({@code domain_event_entry}: {@code global_index}, {@code aggregate_identifier},
 * {@code sequence_number}, {@code type}, {@code payload_type}, {@code payload_revision}, {@code payload},
 * {@code meta_data}; the metadata may be null).
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String aggregateType,
                          String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
}
