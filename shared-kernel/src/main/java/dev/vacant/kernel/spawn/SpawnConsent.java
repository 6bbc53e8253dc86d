package dev.vacant.kernel.spawn;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A D4 consent: a detached Ed25519 signature by the second parent over the JCS of
 * {@code {"purpose":"vacant.spawn.d4/1","primary":A,"secondary":B,"nonce":N,"expires_at":T}}. Single use per
 * nonce (the second parent's aggregate remembers used nonces).
 */
public record SpawnConsent(String nonce, @JsonProperty("expires_at") String expiresAt, String signature) {

    public static final String PURPOSE = "vacant.spawn.d4/1";

    /** The exact payload the second parent signs. */
    public static ObjectNode signingPayload(VacantId primary, VacantId secondary, String nonce, String expiresAt) {
        return Json.object().put("purpose", PURPOSE).put("primary", primary.value()).put("secondary", secondary.value())
                .put("nonce", nonce).put("expires_at", expiresAt);
    }

    /**
     * Checks presence, expiry and signature: {@code CONSENT_REQUIRED} when missing, malformed or expired,
     * {@code BAD_SIGNATURE} when the signature does not verify under the second parent's id.
     */
    public static void verify(SpawnConsent consent, VacantId primary, VacantId secondary, Instant now) {
        if (consent == null || blank(consent.nonce()) || blank(consent.expiresAt()) || blank(consent.signature())) {
            throw new VacantException(ErrorCode.CONSENT_REQUIRED, "D4 needs a consent signed by parent_b");
        }
        Instant expiry;
        try {
            expiry = Instant.parse(consent.expiresAt());
        } catch (DateTimeParseException e) {
            throw new VacantException(ErrorCode.CONSENT_REQUIRED, "consent expires_at is not an RFC 3339 instant");
        }
        if (!now.isBefore(expiry)) {
            throw new VacantException(ErrorCode.CONSENT_REQUIRED, "the consent expired at " + consent.expiresAt());
        }
        byte[] message = CanonicalJson.canonicalize(signingPayload(primary, secondary, consent.nonce(), consent.expiresAt()));
        if (!Ed25519.verify(secondary.publicKey(), message, decode(consent.signature()))) {
            throw new VacantException(ErrorCode.BAD_SIGNATURE, "the consent does not verify under " + secondary.value());
        }
    }

    private static byte[] decode(String signature) {
        try {
            return Base64Url.decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
