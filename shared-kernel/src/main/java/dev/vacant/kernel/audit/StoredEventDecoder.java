package dev.vacant.kernel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.event.Attached;
import dev.vacant.kernel.event.EventFamily;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored signed events back from the stored bytes alone and checks what the entry's signature does not cover,
 * each failure located at the row's {@code (aggregate_identifier, sequence_number)}:
 * <ul>
 *   <li>the row's {@code (payload_type, payload_revision)} is a row of the event table of the row's family, and its
 *       payload is an entry in canonical form (byte for byte the JCS of what it parses to), else
 *       {@code HASH_MISMATCH};</li>
 *   <li>the row is filed under the entry's own chain, else {@code BROKEN_CHAIN}, and at the entry's own seq,
 *       else {@code SEQ_GAP} (such a row is kept out of the chain, whose next entry then reports the gap);</li>
 *   <li>the stored name may carry the signed kind, and the attachments beside an attached event hash to the digests
 *       its payload names, else {@code HASH_MISMATCH}.</li>
 * </ul>
 * No Java type is ever re-encoded: a Jackson upgrade, another object mapper or a renamed record cannot change the
 * verdict on a stored row. The signature and hash are the chain's checks ({@code ChainVerifier}).
 */
public final class StoredEventDecoder {

    private static final StoredEventDecoder STANDARD = new StoredEventDecoder(EventTypes.STANDARD);

    private final EventTypes types;

    /** A decoder by {@code types} ({@link EventTypes#STANDARD} in the application). */
    public StoredEventDecoder(EventTypes types) {
        this.types = types;
    }

    /** The decoder of the application's table. */
    public static StoredEventDecoder standard() {
        return STANDARD;
    }

    /**
     * The chain family a row belongs to: by its aggregate type, else by the prefix of its stored name (either column
     * alone suffices, so tampering with one cannot hide a row); empty for rows of other aggregates.
     */
    public static Optional<EventFamily> familyOf(StoredEvent row) {
        return Arrays.stream(EventFamily.values()).filter(family -> family.writtenBy(row.aggregateType())).findFirst()
                .or(() -> Arrays.stream(EventFamily.values()).filter(family -> family.names(row.payloadType()))
                        .findFirst());
    }

    /** The entry a row holds, if its type is known to its family and its payload is an entry in canonical form. */
    public Optional<LogbookEntry> entry(StoredEvent row) {
        return typeOf(row).flatMap(type -> StoredEntry.decodeCanonical(row.payload()));
    }

    /** The event a row holds (with its attachments), if it reads as one. */
    public Optional<SignedEvent> decode(StoredEvent row) {
        Optional<EventType> type = typeOf(row);
        return type.flatMap(known -> StoredEntry.decodeCanonical(row.payload()))
                .flatMap(entry -> create(type.get(), entry, row));
    }

    /** The event of an entry already decoded from {@code row}, with the row's attachments, if they match it. */
    private static Optional<SignedEvent> create(EventType type, LogbookEntry entry, StoredEvent row) {
        try {
            return Optional.of(type.create(entry, attachments(row)));
        } catch (RuntimeException unmatched) {
            return Optional.empty();
        }
    }

    /** Checks one row of a chain (see {@link #familyOf}). */
    public RowCheck check(StoredEvent row) {
        Optional<EventType> type = typeOf(row);
        Optional<LogbookEntry> read = type.flatMap(known -> StoredEntry.decodeCanonical(row.payload()));
        if (read.isEmpty()) {
            return rejected(row, VerificationFailureReason.HASH_MISMATCH);
        }
        LogbookEntry entry = read.get();
        LogbookBody body = entry.body();
        if (!row.aggregateIdentifier().equals(body.vacant())) {
            return rejected(row, VerificationFailureReason.BROKEN_CHAIN);
        }
        if (row.sequenceNumber() != body.seq()) {
            return rejected(row, VerificationFailureReason.SEQ_GAP);
        }
        boolean intact = type.get().carries(body.kind())
                && (!type.get().attached() || create(type.get(), entry, row).isPresent());
        return new RowCheck(Optional.of(entry),
                intact ? List.of() : List.of(failure(row, VerificationFailureReason.HASH_MISMATCH)));
    }

    private Optional<EventType> typeOf(StoredEvent row) {
        return familyOf(row).flatMap(family -> types.of(row.payloadType(), row.payloadRevision())
                .filter(type -> type.family() == family));
    }

    /** The attachments in the row's metadata, digest to content (empty when there are none or they do not parse). */
    private static Map<String, JsonNode> attachments(StoredEvent row) {
        Map<String, JsonNode> attachments = new HashMap<>();
        if (row.metaData() == null) {
            return attachments;
        }
        try {
            Json.mapper().readTree(row.metaData()).path(Attached.META_DATA_KEY).fields().forEachRemaining(field ->
                    attachments.put(field.getKey(), Json.parse(field.getValue().asText())));
        } catch (IOException | RuntimeException unreadable) {
            attachments.clear();
        }
        return attachments;
    }

    private static RowCheck rejected(StoredEvent row, VerificationFailureReason reason) {
        return new RowCheck(Optional.empty(), List.of(failure(row, reason)));
    }

    private static VerificationFailure failure(StoredEvent row, VerificationFailureReason reason) {
        return new VerificationFailure(row.aggregateIdentifier(), row.sequenceNumber(), reason);
    }
}
