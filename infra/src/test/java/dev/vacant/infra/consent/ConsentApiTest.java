package dev.vacant.infra.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /vacants/{id}/consents} over HTTP on PostgreSQL: a second controller's vacant consents to a D4 merge
 * and signs the child side of a manifest, both used by the first controller with no custody access of its own.
 */
class ConsentApiTest extends VacantApiTestBase {

    private String carol;
    private String carolToken;

    /** A second controller; its token is minted as the other API tests mint theirs. */
    @BeforeEach
    void secondController() {
        carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        carolToken = tokens.create(carol, Role.CONTROLLER);
    }

    private String genesis(String controller, String... tools) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null, tools)).text("id");
    }

    private Response consent(String vacant, String token, ObjectNode body) {
        return api.post("/api/v1/vacants/" + vacant + "/consents", token, body);
    }

    private String expiresIn(Duration duration) {
        return clock.instant().plus(duration).toString();
    }

    @Test
    void d4Consent_grantedByTheOtherControllersVacant_letsTheMergeHappen_andIsOnItsLogbook() {
        String a = genesis(alice, "read");
        String b = genesis(carol, "write");
        String expires = expiresIn(Duration.ofMinutes(10));

        Response granted = consent(b, carolToken, Json.object().put("purpose", "vacant.spawn.d4/1")
                .put("primary", a).put("expires_at", expires));

        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(201);
        assertThat(granted.text("signer")).isEqualTo(b);
        JsonNode payload = granted.body().get("payload");
        assertThat(payload.get("secondary").asText()).isEqualTo(b);
        ObjectNode spawn = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "both");
        spawn.putObject("consent").put("nonce", payload.get("nonce").asText()).put("expires_at", expires)
                .put("signature", granted.text("signature"));
        Response merged = api.post("/api/v1/vacants/" + a + "/spawn", aliceToken, spawn);
        assertThat(merged.status()).as(String.valueOf(merged.body())).isEqualTo(201);
        JsonNode entries = api.get("/api/v1/vacants/" + b + "/logbook?consistency=strong", carolToken).body().get("entries");
        assertThat(entries.findValuesAsText("kind")).containsSubsequence("CONSENT_GRANTED", "CONSENT_USED");
    }

    @Test
    void consent_isRefused_withAClearProblem_andNothingWritten() {
        String a = genesis(alice, "read");
        String b = genesis(carol, "write");
        ObjectNode d4 = Json.object().put("purpose", "vacant.spawn.d4/1").put("primary", a)
                .put("expires_at", expiresIn(Duration.ofMinutes(10)));
        long before = storedEvents();

        assertRejected(before, consent(b, aliceToken, d4), 403, "FORBIDDEN");
        assertRejected(before, consent(b, carolToken, Json.object().put("purpose", "sign.anything/1")), 400,
                "VALIDATION_FAILED");
        assertRejected(before, consent(b, carolToken, d4.deepCopy().put("colour", "red")), 400, "VALIDATION_FAILED");
        assertRejected(before, consent(b, carolToken, d4.deepCopy().put("signature", "AAAA")), 422, "BAD_SIGNATURE");
        assertRejected(before, consent(b, carolToken, Json.object().put("purpose", "vacant.manifest/1")
                .put("side", "parent")), 400, "VALIDATION_FAILED");
    }

    @Test
    void manifestChildSide_signedByItsController_letsTheParentsControllerRegisterTheChild() {
        String parent = genesis(alice, "read");
        String other = genesis(carol, "read");
        String child = api.post("/api/v1/vacants/" + other + "/spawn", carolToken,
                Json.object().put("path", "D1").put("policy_mutation", "be brief")).text("child_id");
        ObjectNode manifest = Json.object().put("schema_version", "v2").put("parent_id", parent).put("child_id", child)
                .put("birth_path", "D1").put("closed_by_default", true).put("registry_visibility", "NONE")
                .put("issued_at", clock.instant().toString()).put("endpoint_reachability", "PARENT_ONLY")
                .put("outbound_policy", "NO_EXTERNAL");
        manifest.putArray("tool_whitelist").add("read");
        long before = storedEvents();
        assertRejected(before, api.post("/api/v1/composites/" + parent + "/children", aliceToken,
                Json.object().set("manifest", manifest)), 422, "BAD_MANIFEST");

        Response childSide = consent(child, carolToken, Json.object().put("purpose", "vacant.manifest/1")
                .put("side", "child").set("manifest", manifest));
        assertThat(childSide.status()).as(String.valueOf(childSide.body())).isEqualTo(201);
        Response registered = api.post("/api/v1/composites/" + parent + "/children", aliceToken,
                Json.object().set("manifest", manifest.deepCopy().put("signature_child", childSide.text("signature"))));

        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        assertThat(registered.body().get("manifest").get("signature_parent").asText()).isNotBlank();
        JsonNode composite = api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).body();
        assertThat(composite.get("children")).hasSize(1);
        assertThat(composite.get("children").get(0).get("child_id").asText()).isEqualTo(child);
    }
}
