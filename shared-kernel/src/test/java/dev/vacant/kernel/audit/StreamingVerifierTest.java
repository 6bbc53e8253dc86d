package dev.vacant.kernel.audit;

import static dev.vacant.kernel.logbook.VerificationFailureReason.BAD_SIGNATURE;
import static dev.vacant.kernel.logbook.VerificationFailureReason.BROKEN_CHAIN;
import static dev.vacant.kernel.logbook.VerificationFailureReason.HASH_MISMATCH;
import static dev.vacant.kernel.logbook.VerificationFailureReason.SEQ_GAP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vacant.kernel.event.LegacyStoredEvent;
import dev.vacant.kernel.event.LegacyStoredEvent.Upgraded;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.VerificationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingVerifierTest {

    private static final int VACANTS = 6;
    private static final int ENTRIES = 5;

    /** Where the Vacant events' records lived when the store named them by class (history: never to be renamed). */
    private static final String CLASS_NAMES_BEFORE_THE_MOVE = "dev.vacant.kernel.vacant.VacantEvents$";

    private final List<StoredEvent> rows = new ArrayList<>(StoredHistory.interleaved(VACANTS, ENTRIES));

    private static VerificationResult verify(List<StoredEvent> rows, int workers, int batchSize) {
        try (StreamingVerifier verifier = new StreamingVerifier(workers)) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                verifier.accept(rows.subList(from, Math.min(rows.size(), from + batchSize)));
            }
            return verifier.finish();
        }
    }

    /** The row of {@code vacant}'s chain at {@code seq}. */
    private int indexOf(String vacant, long seq) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).aggregateIdentifier().equals(vacant) && rows.get(i).sequenceNumber() == seq) {
                return i;
            }
        }
        throw new IllegalArgumentException(vacant + "@" + seq);
    }

    private static StoredEvent withPayload(StoredEvent row, byte[] payload) {
        return new StoredEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.aggregateType(),
                row.payloadType(), row.payloadRevision(), payload, row.metaData());
    }

    @Test
    void finish_reportsNoFailure_whenInterleavedChainsAreIntact() {
        VerificationResult result = verify(rows, 3, 7);

        assertThat(result.failures()).isEmpty();
        assertThat(result.entriesVerified()).isEqualTo(VACANTS * ENTRIES);
        assertThat(result.rowsSkipped()).isZero();
    }

    @Test
    void finish_countsRowsOfOtherAggregatesAsSkipped_withoutVerifyingThem() {
        rows.add(new StoredEvent(rows.size() + 1, "tuple-1", 0, "Tuple", "tuple.taken", null, "{}".getBytes(), null));

        VerificationResult result = verify(rows, 2, 10);

        assertThat(result.rowsSkipped()).isEqualTo(1);
        assertThat(result.failures()).isEmpty();
    }

    /** {@code row} as the legacy form stored it (its record's class name then, the record's Jackson JSON), upgraded. */
    private static StoredEvent upgradedFromTheOldClassName(StoredEvent row) {
        SignedEvent event = StoredEventDecoder.standard().decode(row).orElseThrow();
        try {
            Upgraded upgraded = LegacyStoredEvent.upgrade(CLASS_NAMES_BEFORE_THE_MOVE + event.getClass().getSimpleName(),
                    Json.mapper().writeValueAsBytes(event), null).orElseThrow();
            return new StoredEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(),
                    row.aggregateType(), upgraded.payloadType(), upgraded.payloadRevision(), upgraded.payload(),
                    upgraded.metaData());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void finish_reportsNoFailure_andReadsTheMovedRecords_forAStoreThatNamedTheRecordsByTheirOldClassNames() {
        List<StoredEvent> upgraded = rows.stream().map(StreamingVerifierTest::upgradedFromTheOldClassName).toList();

        assertThat(verify(upgraded, 2, 7).failures()).isEmpty();
        assertThat(upgraded).extracting(StoredEvent::payload).containsExactlyElementsOf(rows.stream()
                .map(StoredEvent::payload).toList());
        assertThat(upgraded).allSatisfy(row -> assertThat(StoredEventDecoder.standard().decode(row)).get()
                .isInstanceOf(VacantEvent.class).isEqualTo(StoredEventDecoder.standard().decode(
                        rows.get((int) row.globalIndex() - 1)).orElseThrow()));
    }

    @Test
    void finish_verifiesTaskChains_andLocatesATamperedTaskEntry() {
        FixtureTask task = new FixtureTask();
        rows.add(StoredHistory.row(rows.size() + 1, task.submitted(StoredHistory.T0), "Task"));
        rows.add(StoredHistory.row(rows.size() + 1, task.taken(StoredHistory.T0.plusSeconds(1)), "Task"));

        VerificationResult intact = verify(rows, 2, 4);
        int taken = rows.size() - 1;
        rows.set(taken, withPayload(rows.get(taken),
                new String(rows.get(taken).payload()).replace("TAKEN", "RETRIED").getBytes()));

        assertThat(intact.failures()).isEmpty();
        assertThat(intact.entriesVerified()).isEqualTo(VACANTS * ENTRIES + 2);
        assertThat(verify(rows, 2, 4).failures()).isNotEmpty().allMatch(f -> f.vacant().equals(task.id()) && f.seq() == 1);
    }

    @Test
    void finish_locatesTheGap_whenAMiddleEventIsDeleted() {
        String vacant = rows.get(2).aggregateIdentifier();
        rows.remove(indexOf(vacant, 2));

        assertThat(verify(rows, 2, 4).failures()).containsExactly(
                new VerificationFailure(vacant, 2, SEQ_GAP), new VerificationFailure(vacant, 3, BROKEN_CHAIN));
    }

    @Test
    void finish_locatesBothRows_whenTwoVacantsPayloadsAreSwapped() {
        int first = indexOf(rows.get(0).aggregateIdentifier(), 3);
        int second = indexOf(rows.get(1).aggregateIdentifier(), 1);
        byte[] payload = rows.get(first).payload();
        rows.set(first, withPayload(rows.get(first), rows.get(second).payload()));
        rows.set(second, withPayload(rows.get(second), payload));

        List<VerificationFailure> failures = verify(rows, 2, 5).failures();

        assertThat(failures).contains(new VerificationFailure(rows.get(first).aggregateIdentifier(), 3, BROKEN_CHAIN),
                new VerificationFailure(rows.get(second).aggregateIdentifier(), 1, BROKEN_CHAIN));
        assertThat(failures).extracting(VerificationFailure::vacant)
                .containsOnly(rows.get(first).aggregateIdentifier(), rows.get(second).aggregateIdentifier());
    }

    @Test
    void finish_reportsTheSameFailures_whateverTheWorkerCountAndBatchSize() {
        int tampered = indexOf(rows.get(4).aggregateIdentifier(), 1);
        String json = new String(rows.get(tampered).payload()).replace("\"ACTIVE\"", "\"STALE\"");
        rows.set(tampered, withPayload(rows.get(tampered), json.getBytes()));

        List<VerificationFailure> single = verify(rows, 1, rows.size()).failures();

        assertThat(single).isNotEmpty().allMatch(f -> f.vacant().equals(rows.get(tampered).aggregateIdentifier()));
        assertThat(single).extracting(VerificationFailure::reason).contains(BAD_SIGNATURE, HASH_MISMATCH);
        assertThat(verify(rows, 4, 3).failures()).isEqualTo(single);
    }
}
