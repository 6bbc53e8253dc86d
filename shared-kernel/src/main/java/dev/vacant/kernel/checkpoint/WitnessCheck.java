package dev.vacant.kernel.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * The witness's rule: cosign a new checkpoint only if the log only grew since the last checkpoint the witness
 * saw (same origin, size not smaller, consistency proof valid; equal sizes need equal roots). Answers the
 * reason to refuse, or empty to cosign.
 */
public final class WitnessCheck {

    /** Why a witness refuses to cosign. */
    public enum Refusal {
        /** The new checkpoint names another log. */
        OTHER_ORIGIN,
        /** The new tree is smaller than one already seen: the log lost entries. */
        SHRANK,
        /** The proof does not show the old tree as a prefix of the new one: history was rewritten. */
        INCONSISTENT
    }

    private WitnessCheck() {
    }

    /** Empty when {@code next} extends {@code last} (or {@code last} is empty: the first checkpoint seen). */
    public static Optional<Refusal> check(Optional<Checkpoint> last, Checkpoint next, List<byte[]> consistencyProof) {
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint seen = last.get();
        if (!seen.origin().equals(next.origin())) {
            return Optional.of(Refusal.OTHER_ORIGIN);
        }
        if (next.size() < seen.size()) {
            return Optional.of(Refusal.SHRANK);
        }
        return MerkleProofs.verifyConsistency(seen.size(), next.size(), seen.rootHash(), next.rootHash(), consistencyProof)
                ? Optional.empty() : Optional.of(Refusal.INCONSISTENT);
    }
}
