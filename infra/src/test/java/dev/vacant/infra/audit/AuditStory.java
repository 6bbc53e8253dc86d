package dev.vacant.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.time.MutableClock;
import java.time.Duration;

/**
 * A realistic history written through the REST API: two genesis roots, a D2 bud and a D4 merge (with the second
 * parent's signed consent), calls, heartbeats, behaviour samples, dormancy and a revive.
 */
record AuditStory(ApiClient api, String operator, String controller, String controllerToken, KeyCustody custody,
                  MutableClock clock, VacantTimerPoller poller) {

    /** The vacants the story created: roots {@code a} and {@code b}, the D2 {@code bud} and the D4 {@code merged}. */
    record Vacants(String a, String b, String bud, String merged) {
    }

    Vacants write() {
        String a = created(api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null, "search", "read")))
                .text("id");
        String b = created(api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null, "write")))
                .text("id");
        String bud = created(api.post(vacant(a, "spawn"), controllerToken, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("search")))).text("child_id");
        ObjectNode merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "Both.");
        merge.set("consent", consent(a, b));
        String merged = created(api.post(vacant(a, "spawn"), controllerToken, merge)).text("child_id");

        ok(api.post(vacant(merged, "calls"), controllerToken, Json.object().put("caller", a)));
        ok(api.post(vacant(a, "calls"), controllerToken, Json.object().put("caller", merged)));
        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofSeconds(61));
            ok(api.post(vacant(a, "heartbeats"), controllerToken, null));
            ok(api.post(vacant(b, "heartbeats"), controllerToken, null));
        }
        for (String text : new String[]{"A short, plain answer.", "Another answer, longer and calmer.", "Yes."}) {
            ok(api.post(vacant(a, "samples"), controllerToken, Json.object().put("text", text)));
        }
        ok(api.post(vacant(a, "calls"), controllerToken, null));
        clock.advance(Duration.ofHours(2));
        poller.fireDue();
        ok(api.post(vacant(a, "revive"), controllerToken, null));
        return new Vacants(a, b, bud, merged);
    }

    private ObjectNode consent(String primary, String secondary) {
        String nonce = "audit-" + primary.substring(4, 12);
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        byte[] message = CanonicalJson.canonicalize(
                SpawnConsent.signingPayload(VacantId.parse(primary), VacantId.parse(secondary), nonce, expires));
        String signature = Base64Url.encode(custody.signer(VacantId.parse(secondary)).sign(message));
        return Json.object().put("nonce", nonce).put("expires_at", expires).put("signature", signature);
    }

    private static String vacant(String id, String action) {
        return "/api/v1/vacants/" + id + "/" + action;
    }

    private static Response created(Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    }
}
