package dev.vacant.kernel.composite;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.security.SecureRandom;

/** A fresh keyed party for manifest and card tests. */
record Party(VacantId id, LogbookSigner signer) {

    static Party fresh() {
        Ed25519KeyPair pair = Ed25519.generate(new SecureRandom());
        VacantId id = VacantId.of(pair.publicKey());
        return new Party(id, new KeyPairSigner(id, pair.privateSeed()));
    }
}
