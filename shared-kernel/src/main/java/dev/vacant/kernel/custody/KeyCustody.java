package dev.vacant.kernel.custody;

import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;

/**
 * The custody port: holds every vacant's private key and signs on its behalf without ever handing the key
 * out. Adapters: AES-256-GCM under a KEK in the database (default); a KMS/HSM later.
 */
public interface KeyCustody {

    /** Generates a fresh, independent keypair, keeps the private key and returns the vacant's id. */
    VacantId create();

    /** A signer for {@code vacant}; {@link KeyDestroyedException} once its key was destroyed. */
    LogbookSigner signer(VacantId vacant);

    /** Destroys the private key (crypto-shredding); nothing can sign as {@code vacant} afterwards. */
    void destroy(VacantId vacant);

    /** Whether the private key of {@code vacant} is held. */
    boolean holds(VacantId vacant);
}
