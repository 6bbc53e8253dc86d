package dev.vacant.kernel.custody;

import dev.vacant.kernel.logbook.LogbookSigner;

/**
 * The custody port for the node's own Ed25519 key ({@code identity.md}: {@code node_} + base32 of its public key),
 * which signs checkpoints. Like a vacant's key, it never leaves custody.
 */
public interface NodeKeyCustody {

    /** The node's signer, whose {@link LogbookSigner#signerId()} is the node id; the key is created on first use. */
    LogbookSigner node();
}
