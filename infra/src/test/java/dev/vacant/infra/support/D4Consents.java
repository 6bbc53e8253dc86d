package dev.vacant.infra.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SpawnConsent;
import java.time.Clock;
import java.time.Duration;

/** D4 consents the tests sign with the second parent's key from custody. */
public final class D4Consents {

    private D4Consents() {
    }

    /** {@code {nonce, expires_at, signature}}: {@code secondary}'s consent to merge with {@code primary}, 10 minutes valid. */
    public static ObjectNode consent(KeyCustody custody, Clock clock, String primary, String secondary, String nonce) {
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        byte[] message = CanonicalJson.canonicalize(
                SpawnConsent.signingPayload(VacantId.parse(primary), VacantId.parse(secondary), nonce, expires));
        String signature = Base64Url.encode(custody.signer(VacantId.parse(secondary)).sign(message));
        return Json.object().put("nonce", nonce).put("expires_at", expires).put("signature", signature);
    }
}
