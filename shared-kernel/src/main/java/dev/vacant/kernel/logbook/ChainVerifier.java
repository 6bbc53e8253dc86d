package dev.vacant.kernel.logbook;

import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.id.SignerIds;
import dev.vacant.kernel.id.VacantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one vacant's (or task's) chain entry by entry, as audit replay and any third party does: seq from 0 without
 * gaps, {@code prev} links, hash recomputation, signer identity and signature. Feed entries in stored order
 * with {@link #accept}; after a failure the cursor resynchronises on the entry read, so one tampered entry is
 * reported where it is rather than cascading through the rest of the chain.
 */
public final class ChainVerifier {

    private final String vacant;
    private long expectedSeq;
    private String previousHash;
    private String keySigner;
    private Optional<Ed25519.VerifyingKey> key = Optional.empty();

    public ChainVerifier(String vacant) {
        this.vacant = vacant;
    }

    /** Verifies a whole chain in stored order. */
    public static List<VerificationFailure> verify(String vacant, List<LogbookEntry> entries) {
        ChainVerifier verifier = new ChainVerifier(vacant);
        List<VerificationFailure> failures = new ArrayList<>();
        entries.forEach(entry -> failures.addAll(verifier.accept(entry)));
        return failures;
    }

    /** Verifies the next stored entry of this chain; every failing check is reported. */
    public List<VerificationFailure> accept(LogbookEntry entry) {
        LogbookBody body = entry.body();
        List<VerificationFailure> failures = new ArrayList<>();
        for (VerificationFailureReason reason : entryFailures(entry)) {
            failures.add(new VerificationFailure(vacant, body.seq(), reason));
        }
        if (body.seq() != expectedSeq) {
            failures.add(new VerificationFailure(vacant, expectedSeq, VerificationFailureReason.SEQ_GAP));
        }
        if (!Objects.equals(body.prev(), previousHash)) {
            failures.add(new VerificationFailure(vacant, body.seq(), VerificationFailureReason.BROKEN_CHAIN));
        }
        expectedSeq = body.seq() + 1;
        previousHash = entry.hash();
        return failures;
    }

    private List<VerificationFailureReason> entryFailures(LogbookEntry entry) {
        LogbookBody body = entry.body();
        List<VerificationFailureReason> reasons = new ArrayList<>();
        byte[] canonical;
        try {
            canonical = body.canonicalBytes();
        } catch (RuntimeException unreadable) {
            reasons.add(VerificationFailureReason.HASH_MISMATCH);
            return reasons;
        }
        Optional<byte[]> signature = decodeSignature(entry.sig());
        Optional<Ed25519.VerifyingKey> signerKey = keyOf(body.signer());
        if (signerKey.isEmpty() || !mayWrite(body.signer()) || !vacant.equals(body.vacant())) {
            reasons.add(VerificationFailureReason.UNKNOWN_SIGNER);
        } else if (signature.isEmpty() || !signerKey.get().verify(canonical, signature.get())) {
            reasons.add(VerificationFailureReason.BAD_SIGNATURE);
        }
        byte[] sigBytes = signature.orElse(new byte[0]);
        if (!Blake2b.hex256(canonical, sigBytes).equals(entry.hash())) {
            reasons.add(VerificationFailureReason.HASH_MISMATCH);
        }
        return reasons;
    }

    /** The verifying key of {@code signer}, decoded once for the entries it signs in a row (a chain's usual case). */
    private Optional<Ed25519.VerifyingKey> keyOf(String signer) {
        if (!Objects.equals(signer, keySigner)) {
            keySigner = signer;
            key = SignerIds.publicKeyOf(signer).map(Ed25519::verifyingKey);
        }
        return key;
    }

    /**
     * Whether {@code signer}, an id with a key ({@link #keyOf}), may write this chain: a vacant's chain
     * ({@code vac_...}) only by the vacant itself; another aggregate's chain (a task's {@code task_...}, the task
     * loop's {@code control}) by the node or the acting vacant, as {@code tasks.md} assigns its kinds.
     */
    private boolean mayWrite(String signer) {
        return vacant.equals(signer) || !vacant.startsWith(VacantId.PREFIX);
    }

    private static Optional<byte[]> decodeSignature(String sig) {
        try {
            return Optional.of(Base64Url.decode(sig));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
