package dev.vacant.kernel.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.kernel.vacant.VacantEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored Vacant events back (the Jackson JSON of a {@link VacantEvent} record, by {@code payload_type}) and
 * checks what the entry's signature does not cover, each failure located at the row's
 * {@code (aggregate_identifier, sequence_number)}:
 * <ul>
 *   <li>the bytes decode to a known event with an entry and a body, else {@code HASH_MISMATCH};</li>
 *   <li>the row is filed under the entry's own vacant, else {@code BROKEN_CHAIN}, and at the entry's own seq,
 *       else {@code SEQ_GAP} (such a row is kept out of the chain, whose next entry then reports the gap);</li>
 *   <li>the bytes are exactly the encoding of what they decode to, the stored type may carry the signed kind,
 *       and the attachments match their digests, else {@code HASH_MISMATCH}.</li>
 * </ul>
 * The first check of the last item makes any changed byte visible, even one that decodes to the same value
 * (an unknown field, an equivalent escape or number spelling).
 */
public final class StoredEventDecoder {

    private static final ObjectMapper READER = Json.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StoredEventDecoder() {
    }

    /** The event a row holds, if it decodes to a Vacant event with an entry and a body. */
    public static Optional<VacantEvent> decode(StoredEvent row) {
        Optional<Class<? extends VacantEvent>> type = VacantEventTypes.classOf(row.payloadType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            VacantEvent event = READER.readValue(row.payload(), type.get());
            return event.entry() != null && event.entry().body() != null ? Optional.of(event) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Checks one row of a vacant's chain (see {@link VacantEventTypes#isVacantRow}). */
    public static RowCheck check(StoredEvent row) {
        Optional<VacantEvent> decoded = decode(row);
        if (decoded.isEmpty()) {
            return rejected(row, VerificationFailureReason.HASH_MISMATCH);
        }
        VacantEvent event = decoded.get();
        LogbookBody body = event.entry().body();
        if (!row.aggregateIdentifier().equals(body.vacant())) {
            return rejected(row, VerificationFailureReason.BROKEN_CHAIN);
        }
        if (row.sequenceNumber() != body.seq()) {
            return rejected(row, VerificationFailureReason.SEQ_GAP);
        }
        boolean intact = storedAsEncoded(event, row.payload()) && VacantEventTypes.carries(event, body.kind())
                && Attachments.match(event);
        return new RowCheck(Optional.of(event.entry()),
                intact ? List.of() : List.of(failure(row, VerificationFailureReason.HASH_MISMATCH)));
    }

    private static boolean storedAsEncoded(VacantEvent event, byte[] stored) {
        try {
            return Arrays.equals(Json.mapper().writeValueAsBytes(event), stored);
        } catch (IOException | RuntimeException unwritable) {
            return false;
        }
    }

    private static RowCheck rejected(StoredEvent row, VerificationFailureReason reason) {
        return new RowCheck(Optional.empty(), List.of(failure(row, reason)));
    }

    private static VerificationFailure failure(StoredEvent row, VerificationFailureReason reason) {
        return new VerificationFailure(row.aggregateIdentifier(), row.sequenceNumber(), reason);
    }
}
