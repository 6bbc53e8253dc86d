package dev.vacant.kernel.composite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;

/**
 * Consent to a graduation: the parent's and the child's Ed25519 signatures (base64url, no padding) over the JCS of
 * {@code {"purpose":"vacant.graduate/1","parent":P,"child":C,"capability_text":T}}.
 */
public final class GraduationConsent {

    public static final String PURPOSE = "vacant.graduate/1";

    private GraduationConsent() {
    }

    /** The exact payload both parties sign. */
    public static ObjectNode signingPayload(VacantId parent, VacantId child, String capabilityText) {
        return Json.object().put("purpose", PURPOSE).put("parent", parent.value()).put("child", child.value())
                .put("capability_text", capabilityText);
    }

    /** Both signatures must verify under their own ids, else {@code GRADUATION_CONSENT}. */
    public static void verify(VacantId parent, VacantId child, String capabilityText, String parentSignature,
                              String childSignature) {
        byte[] message = CanonicalJson.canonicalize(signingPayload(parent, child, capabilityText));
        if (!verifies(parent, message, parentSignature) || !verifies(child, message, childSignature)) {
            throw new VacantException(ErrorCode.GRADUATION_CONSENT,
                    "graduation needs the parent's and the child's signatures over the request");
        }
    }

    private static boolean verifies(VacantId signer, byte[] message, String signature) {
        try {
            return signature != null && Ed25519.verify(signer.publicKey(), message, Base64Url.decode(signature));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
