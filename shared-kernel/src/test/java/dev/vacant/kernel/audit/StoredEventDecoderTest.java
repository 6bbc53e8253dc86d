package dev.vacant.kernel.audit;

import static dev.vacant.kernel.audit.StoredHistory.T0;
import static dev.vacant.kernel.logbook.VerificationFailureReason.BROKEN_CHAIN;
import static dev.vacant.kernel.logbook.VerificationFailureReason.HASH_MISMATCH;
import static dev.vacant.kernel.logbook.VerificationFailureReason.SEQ_GAP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventDecoderTest {

    private static final StoredEventDecoder DECODER = StoredEventDecoder.standard();

    private final FixtureVacant vacant = new FixtureVacant();
    private final StoredEvent genesis = StoredHistory.row(1, vacant.genesis(T0));
    private final StoredEvent heartbeat = StoredHistory.row(2, vacant.heartbeat(T0.plusSeconds(60)));

    private static StoredEvent withText(StoredEvent row, String json) {
        return new StoredEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.aggregateType(),
                row.payloadType(), row.payloadRevision(), json.getBytes(StandardCharsets.UTF_8), row.metaData());
    }

    private static String text(StoredEvent row) {
        return new String(row.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void check_passesTheEntryToItsChain_whenTheRowIsStoredAsAxonWritesIt() {
        RowCheck check = DECODER.check(heartbeat);

        assertThat(check.failures()).isEmpty();
        assertThat(check.chainEntry()).hasValueSatisfying(entry -> assertThat(entry.seq()).isEqualTo(1));
        assertThat(DECODER.check(genesis).failures()).isEmpty();
    }

    @Test
    void row_storesExactlyTheSignedEntryInCanonicalForm_underItsStableName() {
        LogbookEntry entry = DECODER.decode(heartbeat).orElseThrow().entry();

        assertThat(heartbeat.payloadType()).isEqualTo("vacant.heartbeat");
        assertThat(heartbeat.payloadRevision()).isEqualTo("1");
        assertThat(text(heartbeat)).isEqualTo("{\"body\":" + new String(entry.body().canonicalBytes(),
                StandardCharsets.UTF_8) + ",\"hash\":\"" + entry.hash() + "\",\"sig\":\"" + entry.sig() + "\"}");
    }

    @Test
    void check_reportsHashMismatch_whenTheRevisionOrTheFamilyOfTheStoredNameIsWrong() {
        StoredEvent unknownRevision = new StoredEvent(2, vacant.id(), 1, "Vacant", "vacant.heartbeat", "2",
                heartbeat.payload(), heartbeat.metaData());
        StoredEvent taskName = new StoredEvent(2, vacant.id(), 1, "Vacant", "task.submitted", "1",
                heartbeat.payload(), heartbeat.metaData());

        assertThat(DECODER.check(unknownRevision).failures())
                .containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
        assertThat(DECODER.check(taskName).failures())
                .containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatchAtTheRow_whenThePayloadIsNotJson() {
        RowCheck check = DECODER.check(withText(heartbeat, text(heartbeat).replaceFirst("\\{", "[")));

        assertThat(check.chainEntry()).isEmpty();
        assertThat(check.failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenTheBytesAreAnotherSpellingOfTheSameEvent() {
        String spaced = text(heartbeat).replaceFirst("\\{", "{ ");
        String unknownField = text(heartbeat).replaceFirst("\\{", "{\"note\":1,");

        assertThat(DECODER.check(withText(heartbeat, spaced)).failures()).extracting(VerificationFailure::reason)
                .containsExactly(HASH_MISMATCH);
        assertThat(DECODER.check(withText(heartbeat, unknownField)).failures())
                .containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenAnAttachmentNoLongerMatchesItsDigest() {
        StoredEvent edited = new StoredEvent(genesis.globalIndex(), genesis.aggregateIdentifier(), 0, "Vacant",
                genesis.payloadType(), genesis.payloadRevision(), genesis.payload(),
                new String(genesis.metaData(), StandardCharsets.UTF_8).replace("You audit.", "You obey.")
                        .getBytes(StandardCharsets.UTF_8));

        RowCheck check = DECODER.check(edited);

        assertThat(check.failures()).containsExactly(new VerificationFailure(vacant.id(), 0, HASH_MISMATCH));
        assertThat(check.chainEntry()).isPresent();
    }

    @Test
    void check_reportsHashMismatch_whenTheStoredTypeCannotCarryTheSignedKind() {
        StoredEvent retyped = new StoredEvent(2, vacant.id(), 1, "Vacant", "vacant.call_received", "1",
                heartbeat.payload(), heartbeat.metaData());

        assertThat(DECODER.check(retyped).failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsHashMismatch_whenThePayloadTypeIsNoKnownEvent() {
        StoredEvent unknown = new StoredEvent(2, vacant.id(), 1, "Vacant", "vacant.gone", "1",
                heartbeat.payload(), heartbeat.metaData());

        assertThat(DECODER.check(unknown).failures()).containsExactly(new VerificationFailure(vacant.id(), 1, HASH_MISMATCH));
    }

    @Test
    void check_reportsBrokenChainAtTheRowAndKeepsItOutOfTheChain_whenFiledUnderAnotherVacant() {
        String other = new FixtureVacant().id();
        StoredEvent misfiled = new StoredEvent(2, other, 1, "Vacant", heartbeat.payloadType(), "1", heartbeat.payload(),
                heartbeat.metaData());

        RowCheck check = DECODER.check(misfiled);

        assertThat(check.failures()).containsExactly(new VerificationFailure(other, 1, BROKEN_CHAIN));
        assertThat(check.chainEntry()).isEmpty();
    }

    @Test
    void check_reportsSeqGapAtTheRow_whenFiledAtAnotherSeq() {
        StoredEvent misplaced = new StoredEvent(2, vacant.id(), 7, "Vacant", heartbeat.payloadType(), "1", heartbeat.payload(),
                heartbeat.metaData());

        assertThat(DECODER.check(misplaced).failures()).containsExactly(new VerificationFailure(vacant.id(), 7, SEQ_GAP));
    }

    @Test
    void aStoreHoldingRevision1Reviews_auditsClean_besideRevision2Reviews() {
        String reviewer = new FixtureVacant().id();
        StoredEvent written = StoredHistory.row(3, vacant.review(T0.plusSeconds(120), reviewer, null));
        StoredEvent r1 = new StoredEvent(3, vacant.id(), 2, "Vacant", "vacant.review_received", "1", written.payload(),
                written.metaData());
        StoredEvent r2 = StoredHistory.row(4, vacant.review(T0.plusSeconds(180), reviewer, "Clear answers."));

        assertThat(r2.payloadRevision()).isEqualTo("2");
        assertThat(text(r1)).doesNotContain("comment");
        assertThat(text(r2)).contains("\"comment\":\"Clear answers.\"");
        assertThat(DECODER.decode(r1)).hasValueSatisfying(event -> assertThat(event.entry().body().payload()
                .has("comment")).isFalse());
        try (StreamingVerifier verifier = new StreamingVerifier(2)) {
            verifier.accept(List.of(genesis, heartbeat, r1, r2));

            assertThat(verifier.finish().failures()).isEmpty();
        }
    }
}
