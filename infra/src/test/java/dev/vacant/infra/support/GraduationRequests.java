package dev.vacant.infra.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.composite.GraduationConsent;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;

/** Bodies of {@code POST /composites/{parent}/graduations}, signed by both parties through custody. */
public final class GraduationRequests {

    private GraduationRequests() {
    }

    public static ObjectNode signed(KeyCustody custody, String parent, String child, String capabilityText) {
        return Json.object().put("child_id", child).put("capability_text", capabilityText)
                .put("parent_signature", sign(custody, parent, parent, child, capabilityText))
                .put("child_signature", sign(custody, child, parent, child, capabilityText));
    }

    private static String sign(KeyCustody custody, String signer, String parent, String child, String text) {
        byte[] message = CanonicalJson.canonicalize(
                GraduationConsent.signingPayload(VacantId.parse(parent), VacantId.parse(child), text));
        return Base64Url.encode(custody.signer(VacantId.parse(signer)).sign(message));
    }
}
