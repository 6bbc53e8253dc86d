package dev.vacant.kernel.logbook;

import static dev.vacant.kernel.logbook.VerificationFailureReason.BAD_SIGNATURE;
import static dev.vacant.kernel.logbook.VerificationFailureReason.BROKEN_CHAIN;
import static dev.vacant.kernel.logbook.VerificationFailureReason.HASH_MISMATCH;
import static dev.vacant.kernel.logbook.VerificationFailureReason.SEQ_GAP;
import static dev.vacant.kernel.logbook.VerificationFailureReason.UNKNOWN_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.TaskId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final SecureRandom random = new SecureRandom();
    private Ed25519KeyPair key;
    private String vacant;
    private List<LogbookEntry> chain;

    static LogbookSigner signerOf(Ed25519KeyPair key) {
        return claiming(VacantId.of(key.publicKey()).value(), key);
    }

    /** A signer that names {@code signerId} and signs with {@code key}, whoever's id that is. */
    private static LogbookSigner claiming(String signerId, Ed25519KeyPair key) {
        return new LogbookSigner() {
            @Override
            public String signerId() {
                return signerId;
            }

            @Override
            public byte[] sign(byte[] message) {
                return key.sign(message);
            }
        };
    }

    @BeforeEach
    void writeChain() {
        key = Ed25519.generate(random);
        vacant = VacantId.of(key.publicKey()).value();
        chain = new ArrayList<>();
        LogbookChain head = LogbookChain.empty(vacant);
        for (int i = 0; i < 5; i++) {
            LogbookEntry entry = head.append(i == 0 ? "GENESIS" : "HEARTBEAT", T0.plusSeconds(60L * i),
                    Json.object().put("n", i), signerOf(key));
            chain.add(entry);
            head = head.after(entry);
        }
    }

    @Test
    void verify_acceptsTheNodeAndVacants_onATaskChain_butOnlyTheVacantOnItsOwn() {
        Ed25519KeyPair nodePair = Ed25519.generate(random);
        LogbookSigner node = new KeyPairSigner(NodeId.of(nodePair.publicKey()), nodePair.privateSeed());
        String task = TaskId.of(UUID.randomUUID()).value();
        LogbookEntry submitted = LogbookChain.empty(task).append("SUBMITTED", T0, Json.object(), node);
        LogbookEntry executed = LogbookChain.empty(task).after(submitted)
                .append("EXECUTED", T0, Json.object(), signerOf(key));

        assertThat(ChainVerifier.verify(task, List.of(submitted, executed))).isEmpty();

        LogbookEntry nodeOnVacant = LogbookChain.empty(vacant).append("GENESIS", T0, Json.object(), node);
        assertThat(ChainVerifier.verify(vacant, List.of(nodeOnVacant)))
                .extracting(VerificationFailure::reason).containsExactly(UNKNOWN_SIGNER);
    }

    @Test
    void verify_checksEachEntryUnderItsOwnSigner_whenTheSignersOfAChainAlternate() {
        Ed25519KeyPair nodePair = Ed25519.generate(random);
        LogbookSigner node = new KeyPairSigner(NodeId.of(nodePair.publicKey()), nodePair.privateSeed());
        LogbookSigner worker = signerOf(key);
        String task = TaskId.of(UUID.randomUUID()).value();
        LogbookSigner nodeIdSignedByTheWorker = claiming(node.signerId(), key);
        List<LogbookEntry> entries = new ArrayList<>();
        LogbookChain head = LogbookChain.empty(task);
        for (LogbookSigner signer : List.of(node, worker, worker, node, nodeIdSignedByTheWorker, worker)) {
            LogbookEntry entry = head.append("STEP", T0, Json.object().put("n", entries.size()), signer);
            entries.add(entry);
            head = head.after(entry);
        }

        assertThat(ChainVerifier.verify(task, entries.subList(0, 4))).isEmpty();
        assertThat(ChainVerifier.verify(task, entries)).extracting(VerificationFailure::seq, VerificationFailure::reason)
                .containsExactly(tuple(4L, BAD_SIGNATURE));
    }

    private static LogbookEntry withBody(LogbookEntry entry, LogbookBody body) {
        return new LogbookEntry(body, entry.sig(), entry.hash());
    }

    private static LogbookBody withPayload(LogbookBody b, ObjectNode payload) {
        return new LogbookBody(b.v(), b.vacant(), b.seq(), b.kind(), b.ts(), payload, b.prev(), b.signer());
    }

    private static String flipChar(String text) {
        char c = text.charAt(3);
        return text.substring(0, 3) + (c == 'a' ? 'b' : 'a') + text.substring(4);
    }

    private List<VerificationFailureReason> reasonsAt(long seq) {
        return ChainVerifier.verify(vacant, chain).stream().filter(f -> f.seq() == seq)
                .map(VerificationFailure::reason).toList();
    }

    @Test
    void verify_reportsNothing_whenChainIsIntact() {
        assertThat(ChainVerifier.verify(vacant, chain)).isEmpty();
        assertThat(chain.get(0).body().prev()).isNull();
        assertThat(chain.get(3).body().prev()).isEqualTo(chain.get(2).hash());
    }

    @Test
    void verify_reportsBadSignature_whenPayloadByteFlipped() {
        chain.set(2, withBody(chain.get(2), withPayload(chain.get(2).body(), Json.object().put("n", 3))));

        assertThat(reasonsAt(2)).contains(BAD_SIGNATURE, HASH_MISMATCH);
        assertThat(ChainVerifier.verify(vacant, chain)).allMatch(f -> f.seq() == 2 && f.vacant().equals(vacant));
    }

    @Test
    void verify_reportsBadSignature_whenSignatureFlipped() {
        byte[] sig = Base64Url.decode(chain.get(1).sig());
        sig[10] ^= 0x01;
        chain.set(1, new LogbookEntry(chain.get(1).body(), Base64Url.encode(sig), chain.get(1).hash()));

        assertThat(reasonsAt(1)).contains(BAD_SIGNATURE);
    }

    @Test
    void verify_reportsHashMismatchThenBrokenLink_whenHashFlipped() {
        chain.set(3, new LogbookEntry(chain.get(3).body(), chain.get(3).sig(), flipChar(chain.get(3).hash())));

        assertThat(reasonsAt(3)).containsExactly(HASH_MISMATCH);
        assertThat(reasonsAt(4)).containsExactly(BROKEN_CHAIN);
    }

    @Test
    void verify_reportsSeqGap_whenEntryDropped() {
        chain.remove(2);

        assertThat(reasonsAt(2)).contains(SEQ_GAP);
        assertThat(reasonsAt(3)).contains(BROKEN_CHAIN);
    }

    @Test
    void verify_reportsSeqGapAndBrokenChain_whenTwoEntriesReordered() {
        LogbookEntry second = chain.get(2);
        chain.set(2, chain.get(3));
        chain.set(3, second);

        List<VerificationFailure> failures = ChainVerifier.verify(vacant, chain);
        assertThat(failures).extracting(VerificationFailure::reason).contains(SEQ_GAP, BROKEN_CHAIN);
        assertThat(failures).extracting(VerificationFailure::seq).contains(2L);
    }

    @Test
    void verify_reportsUnknownSigner_whenResignedByAnotherKeyUnderItsOwnId() {
        Ed25519KeyPair intruder = Ed25519.generate(random);
        LogbookBody original = chain.get(1).body();
        LogbookBody forged = new LogbookBody(original.v(), original.vacant(), original.seq(), original.kind(),
                original.ts(), Json.object().put("n", 99), original.prev(), VacantId.of(intruder.publicKey()).value());
        chain.set(1, LogbookEntry.seal(forged, signerOf(intruder)));

        assertThat(reasonsAt(1)).containsExactly(UNKNOWN_SIGNER);
        assertThat(reasonsAt(2)).containsExactly(BROKEN_CHAIN);
    }

    @Test
    void verify_reportsBadSignature_whenResignedByAnotherKeyClaimingTheVacant() {
        Ed25519KeyPair intruder = Ed25519.generate(random);
        LogbookBody original = chain.get(1).body();
        LogbookBody forged = withPayload(original, Json.object().put("n", 99));
        LogbookEntry resigned = LogbookEntry.seal(forged, claiming(original.signer(), intruder));
        chain.set(1, resigned);

        assertThat(reasonsAt(1)).containsExactly(BAD_SIGNATURE);
    }

    @Test
    void verify_reportsUnknownSigner_whenSignerIsNotAnId() {
        LogbookBody b = chain.get(0).body();
        chain.set(0, withBody(chain.get(0),
                new LogbookBody(b.v(), b.vacant(), b.seq(), b.kind(), b.ts(), b.payload(), b.prev(), "mallory")));

        assertThat(reasonsAt(0)).contains(UNKNOWN_SIGNER);
    }
}
