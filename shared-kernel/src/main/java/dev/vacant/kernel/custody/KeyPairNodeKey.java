package dev.vacant.kernel.custody;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.logbook.LogbookSigner;

/** A {@link NodeKey} over a keypair held in memory; its signer signs as {@code node_} + the public key. */
public final class KeyPairNodeKey implements NodeKey {

    private final LogbookSigner signer;

    public KeyPairNodeKey(Ed25519KeyPair pair) {
        String id = NodeId.of(pair.publicKey()).value();
        Ed25519.SigningKey key = Ed25519.signingKey(pair.privateSeed());
        this.signer = new LogbookSigner() {
            @Override
            public String signerId() {
                return id;
            }

            @Override
            public byte[] sign(byte[] message) {
                return key.sign(message);
            }
        };
    }

    @Override
    public LogbookSigner signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "KeyPairNodeKey[" + signer.signerId() + "]";
    }
}
