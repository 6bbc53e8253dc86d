package dev.vacant.kernel.custody;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;

/** A {@link LogbookSigner} over a decrypted private seed held only by custody adapters. */
public final class KeyPairSigner implements LogbookSigner {

    private final String signerId;
    private final Ed25519.SigningKey key;

    public KeyPairSigner(VacantId vacant, byte[] seed) {
        this(vacant.value(), seed);
    }

    public KeyPairSigner(NodeId node, byte[] seed) {
        this(node.value(), seed);
    }

    /** The signer of a key just generated, which already knows its public key. */
    public KeyPairSigner(VacantId vacant, Ed25519.SigningKey key) {
        this.signerId = vacant.value();
        this.key = key;
    }

    private KeyPairSigner(String signerId, byte[] seed) {
        this.signerId = signerId;
        this.key = Ed25519.signingKey(seed);
    }

    @Override
    public String signerId() {
        return signerId;
    }

    @Override
    public byte[] sign(byte[] message) {
        return key.sign(message);
    }

    @Override
    public String toString() {
        return "KeyPairSigner[" + signerId + "]";
    }
}
