package dev.vacant.kernel.consent;

/**
 * Payload of a CONSENT_GRANTED entry on the signer's chain: the purpose, the BLAKE2b-256 hex digest of the exact
 * bytes signed (JCS of the signing payload), and who produced the signature ({@link Source}).
 */
public record ConsentGrantedPayload(String purpose, String digest, Source source) {

    /** Where the signature came from. */
    public enum Source {
        /** Server custody signed at the controller's request. */
        CUSTODY,
        /** The owner signed outside the server; the server verified it under the vacant's id. */
        EXTERNAL
    }
}
