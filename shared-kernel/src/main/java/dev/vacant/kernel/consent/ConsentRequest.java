package dev.vacant.kernel.consent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.GraduationConsent;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.spawn.SpawnConsent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * What a vacant may be asked to sign ({@code api.md}, consents): one of the spec's signing payloads, and nothing
 * else. Each purpose builds the exact payload for a signer and refuses ({@code VALIDATION_FAILED}) a signer that is
 * not the party the payload names for that side, so custody can never be made to sign an arbitrary message.
 */
public sealed interface ConsentRequest {

    /** Longest nonce a controller may choose. */
    int MAX_NONCE = 128;

    /** The purpose string of the signed payload. */
    String purpose();

    /** The exact payload {@code signer} signs, after checking that {@code signer} is a party to it at {@code now}. */
    ObjectNode payloadFor(VacantId signer, Instant now);

    /** The bytes that are signed: JCS of the payload. */
    static byte[] message(ObjectNode payload) {
        return CanonicalJson.canonicalize(payload);
    }

    /** {@code BAD_SIGNATURE} unless {@code signature} (base64url) verifies over the payload under {@code signer}'s id. */
    static void requireSignature(VacantId signer, ObjectNode payload, String signature) {
        boolean valid;
        try {
            valid = Ed25519.verify(signer.publicKey(), message(payload), Base64Url.decode(signature));
        } catch (IllegalArgumentException malformed) {
            valid = false;
        }
        if (!valid) {
            throw new VacantException(ErrorCode.BAD_SIGNATURE, "the signature does not verify under " + signer.value());
        }
    }

    /** BLAKE2b-256 hex of the signed bytes, recorded on the signer's CONSENT_GRANTED entry. */
    static String digest(ObjectNode payload) {
        return Blake2b.hex256(message(payload));
    }

    /**
     * A D4 consent by the second parent (the signer) for {@code primary}; a null nonce is chosen by the server
     * ({@link #withNonce}), {@code expiresAt} must lie in the future.
     */
    record SpawnD4(VacantId primary, String nonce, String expiresAt) implements ConsentRequest {

        public SpawnD4 {
            if (primary == null || expiresAt == null) {
                throw invalid("a D4 consent needs primary and expires_at");
            }
            if (nonce != null && (nonce.isBlank() || nonce.length() > MAX_NONCE)) {
                throw invalid("nonce must be 1.." + MAX_NONCE + " characters");
            }
        }

        /**
         * The same consent with a nonce: the controller's, or one derived from the signer's chain position of its
         * CONSENT_GRANTED entry ({@code n_} + 32 hex of BLAKE2b-256 over {@code signer/consent/seq}), unique per
         * signer without a random source.
         */
        public SpawnD4 withNonce(VacantId signer, long seq) {
            if (nonce != null) {
                return this;
            }
            byte[] digest = Blake2b.digest256((signer.value() + "/consent/" + seq).getBytes(StandardCharsets.UTF_8));
            return new SpawnD4(primary, "n_" + Hex.encode(Arrays.copyOf(digest, 16)), expiresAt);
        }

        @Override
        public String purpose() {
            return SpawnConsent.PURPOSE;
        }

        @Override
        public ObjectNode payloadFor(VacantId signer, Instant now) {
            if (signer.equals(primary)) {
                throw invalid("a vacant cannot consent to a merge with itself");
            }
            Instant expiry;
            try {
                expiry = Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                throw invalid("expires_at must be an RFC 3339 instant");
            }
            if (nonce == null) {
                throw invalid("a D4 consent is signed with a nonce");
            }
            if (!now.isBefore(expiry)) {
                throw invalid("expires_at must lie in the future");
            }
            return SpawnConsent.signingPayload(primary, signer, nonce, expiresAt);
        }
    }

    /** A graduation consent by the parent or the child it names. */
    record Graduation(VacantId parent, VacantId child, String capabilityText) implements ConsentRequest {

        public Graduation {
            if (parent == null || child == null || capabilityText == null) {
                throw invalid("a graduation consent needs parent, child and capability_text");
            }
        }

        @Override
        public String purpose() {
            return GraduationConsent.PURPOSE;
        }

        @Override
        public ObjectNode payloadFor(VacantId signer, Instant now) {
            if (!signer.equals(parent) && !signer.equals(child)) {
                throw invalid("only the parent or the child signs its graduation");
            }
            return GraduationConsent.signingPayload(parent, child, capabilityText);
        }
    }

    /** One side of a child manifest: the signature covers the manifest's own signing payload. */
    record ManifestSide(ChildManifest manifest, Side side) implements ConsentRequest {

        /** The {@code purpose} of a manifest signature. */
        public static final String PURPOSE = "vacant.manifest/1";

        /** Which party of the manifest signs. */
        public enum Side { PARENT, CHILD }

        public ManifestSide {
            if (manifest == null || side == null) {
                throw invalid("a manifest consent needs manifest and side");
            }
        }

        @Override
        public String purpose() {
            return PURPOSE;
        }

        @Override
        public ObjectNode payloadFor(VacantId signer, Instant now) {
            String party = side == Side.PARENT ? manifest.parentId() : manifest.childId();
            ObjectNode payload = manifest.signingPayload();
            if (!signer.value().equals(party)) {
                throw invalid("the " + side.name().toLowerCase() + " side of this manifest is " + party);
            }
            return payload;
        }
    }

    private static VacantException invalid(String message) {
        return new VacantException(ErrorCode.VALIDATION_FAILED, message);
    }
}
