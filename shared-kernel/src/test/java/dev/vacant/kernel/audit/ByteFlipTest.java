package dev.vacant.kernel.audit;

import static dev.vacant.kernel.audit.StoredHistory.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.logbook.VerificationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The system's central promise, exhaustively on a small chain: flipping the low bit or the ASCII case bit of any
 * byte of a stored payload (entry body, signature, hash) or of the attachments beside it is reported at that row's vacant and seq.
 */
class ByteFlipTest {

    private static final int[] MASKS = {0x01, 0x20};

    private final FixtureVacant vacant = new FixtureVacant();
    private final List<StoredEvent> chain = List.of(
            StoredHistory.row(1, vacant.genesis(T0)),
            StoredHistory.row(2, vacant.call(T0.plusSeconds(30), "vac_caller")),
            StoredHistory.row(3, vacant.heartbeat(T0.plusSeconds(60))));

    private List<VerificationFailure> verifyWithFlip(int row, boolean inMetaData, int position, int mask) {
        List<StoredEvent> rows = new ArrayList<>(chain.subList(0, row + 1));
        StoredEvent original = rows.get(row);
        byte[] payload = original.payload().clone();
        byte[] metaData = original.metaData().clone();
        (inMetaData ? metaData : payload)[position] ^= (byte) mask;
        rows.set(row, new StoredEvent(original.globalIndex(), original.aggregateIdentifier(), original.sequenceNumber(),
                original.aggregateType(), original.payloadType(), original.payloadRevision(), payload, metaData));
        try (StreamingVerifier verifier = new StreamingVerifier(1)) {
            verifier.accept(rows);
            return verifier.finish().failures();
        }
    }

    @Test
    void verify_locatesTheRow_whenAnyByteOfAnyStoredPayloadIsFlipped() {
        flipEveryByte(false);
    }

    @Test
    void verify_locatesTheRow_whenAnyByteOfTheGenesisAttachmentsIsFlipped() {
        assertThat(new String(chain.get(0).metaData())).contains("You audit.");
        flipEveryByte(true);
    }

    private void flipEveryByte(boolean inMetaData) {
        for (int row = 0; row < (inMetaData ? 1 : chain.size()); row++) {
            long seq = chain.get(row).sequenceNumber();
            byte[] bytes = inMetaData ? chain.get(row).metaData() : chain.get(row).payload();
            for (int position = 0; position < bytes.length; position++) {
                for (int mask : MASKS) {
                    List<VerificationFailure> failures = verifyWithFlip(row, inMetaData, position, mask);
                    assertThat(failures).as("row %d, byte %d, mask %x", row, position, mask)
                            .anyMatch(f -> f.vacant().equals(vacant.id()) && f.seq() == seq);
                }
            }
        }
    }
}
