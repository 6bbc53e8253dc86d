package dev.vacant.kernel.logbook;

/**
 * Something that signs as one identity without revealing its key: a vacant's key in custody, or the node key.
 */
public interface LogbookSigner {

    /** The signer id written into the entry ({@code vac_...} or {@code node_...}). */
    String signerId();

    /** The Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message);
}
