package dev.vacant.kernel.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 (RFC 8032) key generation, signing and verification, backed by BouncyCastle. */
public final class Ed25519 {

    /** Length of public keys and private seeds in bytes. */
    public static final int KEY_BYTES = 32;
    /** Length of signatures in bytes. */
    public static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    /** A fresh, independent keypair from the given randomness. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        return fromSeed(new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    /**
     * A fresh signing key from the given randomness, its public key derived once for both the caller and every
     * signature (a keypair followed by {@link #signingKey(byte[])} would derive it twice).
     */
    public static SigningKey generateSigningKey(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /** The keypair of a 32-byte private seed. */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(checkLength(seed, KEY_BYTES, "seed"), 0);
        return new Ed25519KeyPair(privateKey.generatePublicKey().getEncoded(), seed.clone());
    }

    /** The 64-byte signature of {@code message} under the 32-byte private seed. */
    public static byte[] sign(byte[] seed, byte[] message) {
        return signingKey(seed).sign(message);
    }

    /** A key for signing many messages under one 32-byte private seed. */
    public static SigningKey signingKey(byte[] seed) {
        return new SigningKey(new Ed25519PrivateKeyParameters(checkLength(seed, KEY_BYTES, "seed"), 0));
    }

    /**
     * A private key kept ready for signing: its public key, which every signature needs, is derived once instead
     * of once per signature. Never printed.
     */
    public static final class SigningKey {

        private final Ed25519PrivateKeyParameters key;

        private SigningKey(Ed25519PrivateKeyParameters key) {
            this.key = key;
        }

        /** The 32-byte public key (derived once, then remembered). */
        public byte[] publicKey() {
            return key.generatePublicKey().getEncoded();
        }

        /** The 32-byte private seed, for custody to encrypt; never log it. */
        public byte[] seed() {
            return key.getEncoded();
        }

        /** The 64-byte signature of {@code message}. */
        public byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        @Override
        public String toString() {
            return "SigningKey[<redacted>]";
        }
    }

    /** Whether {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verifyingKey(publicKey).verify(message, signature);
    }

    /** A key for verifying many signatures under one 32-byte public key. */
    public static VerifyingKey verifyingKey(byte[] publicKey) {
        if (publicKey.length != KEY_BYTES) {
            return VerifyingKey.NONE;
        }
        try {
            return new VerifyingKey(new Ed25519PublicKeyParameters(publicKey, 0));
        } catch (IllegalArgumentException notAPoint) {
            return VerifyingKey.NONE;
        }
    }

    /**
     * A public key kept ready for verifying: its curve point, which every verification needs, is decoded once instead
     * of once per signature (about a tenth of a verification). A key that is no point on the curve verifies nothing.
     */
    public static final class VerifyingKey {

        private static final VerifyingKey NONE = new VerifyingKey(null);

        private final Ed25519PublicKeyParameters key;

        private VerifyingKey(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        /** Whether {@code signature} is a valid signature of {@code message} under this key. */
        public boolean verify(byte[] message, byte[] signature) {
            if (key == null || signature.length != SIGNATURE_BYTES) {
                return false;
            }
            try {
                Ed25519Signer verifier = new Ed25519Signer();
                verifier.init(false, key);
                verifier.update(message, 0, message.length);
                return verifier.verifySignature(signature);
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
    }

    private static byte[] checkLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
        return bytes;
    }
}
