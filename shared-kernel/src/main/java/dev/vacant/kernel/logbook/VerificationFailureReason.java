package dev.vacant.kernel.logbook;

/** Why a logbook entry failed verification. */
public enum VerificationFailureReason {
    /** The signature does not verify under the signer's key, or is malformed. */
    BAD_SIGNATURE,
    /** {@code prev} is not the previous entry's hash. */
    BROKEN_CHAIN,
    /** {@code seq} is not the previous seq + 1 (or 0 for the first entry). */
    SEQ_GAP,
    /** {@code hash} does not recompute from body and signature. */
    HASH_MISMATCH,
    /** The signer is not the chain's vacant, or not a parseable id. */
    UNKNOWN_SIGNER,
    /**
     * The store differs from a signed checkpoint at this entry: the first leaf of the checkpoint's tree that is
     * missing, moved or rewritten in the store ({@code docs/checkpoints.md}).
     */
    CHECKPOINT_MISMATCH
}
