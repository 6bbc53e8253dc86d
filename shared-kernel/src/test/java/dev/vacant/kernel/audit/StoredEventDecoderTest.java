package dev.vacant.kernel.audit;

import static dev.vacant.kernel.audit.StoredHistory.T0;
import static dev.vacant.kernel.logbook.VerificationFailureReason.BROKEN_CHAIN;
import static dev.vacant.kernel.logbook.VerificationFailureReason.HASH_MISMATCH;
import static dev.vacant.kernel.logbook.VerificationFailureReason.SEQ_GAP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.kernel.vacant.VacantEvents.CallReceivedEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredEventDecoderTest {

    private final FixtureVacant vacant = new FixtureVacant();
    private final StoredEvent genesis = StoredHistory.row(1, vacant.genesis(T0));
    private final StoredEvent heartbeat = StoredHistory.row(2, vacant.heartbeat(T0.plusSeconds(60)));

    private static StoredEvent withText(StoredEvent row, String json) {
        return new StoredEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.aggregateType(),
                row.payloadType(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(StoredEvent row) {
        return new String(row.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void check_passesTheEntryToItsChain_whenTheRowIsStoredAsAxonWritesIt() {
        RowCheck check = StoredEventDecoder.check(heartbeat);

        assertThat(check.failures()).isEmpty();
        assertThat(check.chainEntry()).hasValueSatisfying(entry -> assertThat(entry.seq()).isEqualTo(1));
        assertThat(StoredEventDecoder.check(genesis).failures()).isEmpty();
    }

    @Test
    void check_reportsHashMismatchAtTheRow_whenThePayloadIsNotJson() {
        RowCheck check = StoredEventDecoder.check(withText(heartbeat, text(heartbeat).replaceFirst("\\{", "[")));

        assertThat(check.chainEntry()).isEmpty();
        assertThat(check.failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenTheBytesAreAnotherSpellingOfTheSameEvent() {
        String spaced = text(heartbeat).replaceFirst("\\{", "{ ");
        String unknownField = text(heartbeat).replaceFirst("\\{", "{\"note\":1,");

        assertThat(StoredEventDecoder.check(withText(heartbeat, spaced)).failures()).extracting(VerificationFailure::reason)
                .containsExactly(HASH_MISMATCH);
        assertThat(StoredEventDecoder.check(withText(heartbeat, unknownField)).failures())
                .containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenAnAttachmentNoLongerMatchesItsDigest() {
        StoredEvent edited = withText(genesis, text(genesis).replace("You audit.", "You obey."));

        RowCheck check = StoredEventDecoder.check(edited);

        assertThat(check.failures()).containsExactly(new VerificationFailure(vacant.id(), 0, HASH_MISMATCH));
        assertThat(check.chainEntry()).isPresent();
    }

    @Test
    void check_reportsHashMismatch_whenTheStoredTypeCannotCarryTheSignedKind() {
        StoredEvent retyped = new StoredEvent(2, vacant.id(), 1, "Vacant", CallReceivedEvent.class.getName(),
                heartbeat.payload());

        assertThat(StoredEventDecoder.check(retyped).failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenThePayloadTypeIsNoKnownEvent() {
        StoredEvent unknown = new StoredEvent(2, vacant.id(), 1, "Vacant", "dev.vacant.kernel.vacant.VacantEvents$Gone",
                heartbeat.payload());

        assertThat(StoredEventDecoder.check(unknown).failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsBrokenChainAtTheRowAndKeepsItOutOfTheChain_whenFiledUnderAnotherVacant() {
        String other = new FixtureVacant().id();
        StoredEvent misfiled = new StoredEvent(2, other, 1, "Vacant", heartbeat.payloadType(), heartbeat.payload());

        RowCheck check = StoredEventDecoder.check(misfiled);

        assertThat(check.failures()).containsExactly(new VerificationFailure(other, 1, BROKEN_CHAIN));
        assertThat(check.chainEntry()).isEmpty();
    }

    @Test
    void check_reportsSeqGapAtTheRow_whenFiledAtAnotherSeq() {
        StoredEvent misplaced = new StoredEvent(2, vacant.id(), 7, "Vacant", heartbeat.payloadType(), heartbeat.payload());

        assertThat(StoredEventDecoder.check(misplaced).failures()).containsExactly(new VerificationFailure(vacant.id(), 7, SEQ_GAP));
    }
}
