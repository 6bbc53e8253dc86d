package dev.vacant.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 8032 section 7.1 test vectors (TEST 1, 2, 3). */
class Ed25519Test {

    @ParameterizedTest(name = "RFC 8032 7.1 vector {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void signAndVerify_matchRfc8032Vectors(String seed, String publicKey, String message, String signature) {
        byte[] msg = message == null ? new byte[0] : Hex.decode(message);
        Ed25519KeyPair pair = Ed25519.fromSeed(Hex.decode(seed));

        assertThat(Hex.encode(pair.publicKey())).isEqualTo(publicKey);
        assertThat(Hex.encode(Ed25519.sign(Hex.decode(seed), msg))).isEqualTo(signature);
        Ed25519.SigningKey reused = Ed25519.signingKey(Hex.decode(seed));
        assertThat(Hex.encode(reused.sign(msg))).isEqualTo(signature);
        assertThat(Hex.encode(reused.sign(msg))).as("signed again with the same key").isEqualTo(signature);
        assertThat(reused.toString()).doesNotContain(seed);
        assertThat(Ed25519.verify(Hex.decode(publicKey), msg, Hex.decode(signature))).isTrue();

        byte[] flipped = Hex.decode(signature);
        flipped[0] ^= 1;
        assertThat(Ed25519.verify(Hex.decode(publicKey), msg, flipped)).isFalse();
    }

    @Test
    void verify_rejectsOtherMessageAndWrongLengths() {
        Ed25519KeyPair pair = Ed25519.generate(new SecureRandom());
        byte[] sig = pair.sign(new byte[] {1, 2, 3});

        assertThat(Ed25519.verify(pair.publicKey(), new byte[] {1, 2, 3}, sig)).isTrue();
        assertThat(Ed25519.verify(pair.publicKey(), new byte[] {1, 2, 4}, sig)).isFalse();
        assertThat(Ed25519.verify(new byte[31], new byte[] {1, 2, 3}, sig)).isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), new byte[] {1, 2, 3}, new byte[63])).isFalse();
    }

    @Test
    void verifyingKey_verifiesEachMessageOfItsKey_andRejectsWhatVerifyRejects() {
        Ed25519KeyPair pair = Ed25519.generate(new SecureRandom());
        Ed25519KeyPair other = Ed25519.generate(new SecureRandom());
        Ed25519.VerifyingKey key = Ed25519.verifyingKey(pair.publicKey());

        for (byte n = 0; n < 3; n++) {
            byte[] message = {n};
            assertThat(key.verify(message, pair.sign(message))).isTrue();
            assertThat(key.verify(message, other.sign(message))).isFalse();
            assertThat(key.verify(new byte[] {n, n}, pair.sign(message))).isFalse();
        }
        assertThat(key.verify(new byte[] {1}, new byte[63])).isFalse();
        assertThat(Ed25519.verifyingKey(new byte[31]).verify(new byte[] {1}, pair.sign(new byte[] {1}))).isFalse();
    }

    @Test
    void generate_givesIndependentKeys_andNeverPrintsThePrivateSeed() {
        SecureRandom random = new SecureRandom();
        Ed25519KeyPair a = Ed25519.generate(random);
        Ed25519KeyPair b = Ed25519.generate(random);

        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
        assertThat(a.toString()).doesNotContain(Hex.encode(a.privateSeed())).contains("<redacted>");
    }

    @Test
    void generateSigningKey_knowsTheKeypairOfItsSeed_andSignsVerifiably() {
        Ed25519.SigningKey key = Ed25519.generateSigningKey(new SecureRandom());
        byte[] message = {1, 2, 3};

        assertThat(key.publicKey()).isEqualTo(Ed25519.fromSeed(key.seed()).publicKey());
        assertThat(key.sign(message)).isEqualTo(Ed25519.sign(key.seed(), message));
        assertThat(Ed25519.verify(key.publicKey(), message, key.sign(message))).isTrue();
        assertThat(key.toString()).doesNotContain(Hex.encode(key.seed()));
    }
}
