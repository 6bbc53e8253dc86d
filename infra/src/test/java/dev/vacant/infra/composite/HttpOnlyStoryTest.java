package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every composite and spawn feature as a client sees it, over HTTP only (no bean, repository or custody call once
 * the principals exist): two controllers, a D4 merge with the other controller's consent, a composite with two buds
 * and a manifest-registered child of the other controller, a delegation, Tree-Only on a call and a check, one
 * graduation through the collusion gate and one held back by it; then every logbook, read over HTTP, verifies.
 *
 * <p>The second controller's token is minted the way the other API tests mint theirs ({@code ApiTokens}); once
 * {@code POST /tokens} exists, the operator can mint it over HTTP instead.
 */
class HttpOnlyStoryTest extends VacantApiTestBase {

    private final Map<String, String> readers = new LinkedHashMap<>();

    private Response post(String path, String token, Object body) {
        Response response = api.post("/api/v1" + path, token, body);
        assertThat(response.status()).as(path + " " + response.body()).isLessThan(300);
        return response;
    }

    private String vacant(Response response, String field, String token) {
        String id = response.text(field);
        readers.put(id, token);
        return id;
    }

    private String consent(String signer, String token, ObjectNode request) {
        return post("/vacants/" + signer + "/consents", token, request).text("signature");
    }

    private void samples(String id, List<String> texts) {
        texts.forEach(text -> post("/vacants/" + id + "/samples", aliceToken, Json.object().put("text", text)));
    }

    private List<LogbookEntry> logbookOverHttp(String id) {
        JsonNode page = api.get("/api/v1/vacants/" + id + "/logbook?limit=1000&consistency=strong", readers.get(id)).body();
        List<LogbookEntry> entries = new ArrayList<>();
        for (JsonNode e : page.get("entries")) {
            entries.add(new LogbookEntry(Json.mapper().convertValue(e.get("body"), LogbookBody.class),
                    e.get("sig").asText(), e.get("hash").asText()));
        }
        return entries;
    }

    @Test
    void aClientWithOnlyTheHttpApi_mergesComposesDelegatesAndGraduates_andEveryLogbookVerifies() {
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        String carolToken = tokens.create(carol, Role.CONTROLLER);
        String a = vacant(post("/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search", "read")),
                "id", aliceToken);
        String b = vacant(post("/vacants/genesis", operator, VacantFixtures.genesis(carol, null, "write")), "id", carolToken);

        // D4: carol's B consents in custody, alice merges A with B
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        Response d4 = post("/vacants/" + b + "/consents", carolToken, Json.object().put("purpose", "vacant.spawn.d4/1")
                .put("primary", a).put("expires_at", expires));
        ObjectNode merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "Both.");
        merge.putObject("consent").put("nonce", d4.body().at("/payload/nonce").asText()).put("expires_at", expires)
                .put("signature", d4.text("signature"));
        String merged = vacant(post("/vacants/" + a + "/spawn", aliceToken, merge), "child_id", aliceToken);

        // a composite: A with two buds (registered by their spawn) and carol's child registered by manifest
        samples(a, DriftFixtures.PROSE.subList(0, 20));
        ObjectNode bud = Json.object().put("path", "D2");
        bud.putArray("narrowed_tools").add("search");
        String own = vacant(post("/vacants/" + a + "/spawn", aliceToken, bud), "child_id", aliceToken);
        String lookAlike = vacant(post("/vacants/" + a + "/spawn", aliceToken, bud), "child_id", aliceToken);
        String carols = vacant(post("/vacants/" + b + "/spawn", carolToken,
                Json.object().put("path", "D1").put("policy_mutation", "be brief")), "child_id", carolToken);
        ObjectNode manifest = Json.object().put("schema_version", "v2").put("parent_id", a).put("child_id", carols)
                .put("birth_path", "D1").put("closed_by_default", true).put("registry_visibility", "NONE")
                .put("issued_at", clock.instant().toString()).put("endpoint_reachability", "PARENT_ONLY")
                .put("outbound_policy", "NO_EXTERNAL");
        manifest.putArray("tool_whitelist").add("write");
        manifest.put("signature_child", consent(carols, carolToken, Json.object().put("purpose", "vacant.manifest/1")
                .put("side", "child").set("manifest", manifest.deepCopy())));
        post("/composites/" + a + "/children", aliceToken, Json.object().set("manifest", manifest));
        assertThat(api.get("/api/v1/composites/" + a + "?consistency=strong", aliceToken).body().get("children"))
                .hasSize(3);

        // delegation and its result
        Response delegated = post("/composites/" + a + "/delegations", aliceToken,
                Json.object().put("child", own).put("subtask", "find three papers"));
        String delegation = delegated.body().at("/delegations/0/delegation_id").asText();
        post("/composites/" + a + "/delegations/" + delegation + "/completion", aliceToken,
                Json.object().put("child", own).put("result", "three papers"));

        // Tree-Only: a closed bud may not call carol's B, may check a call to its parent
        Response denied = api.post("/api/v1/vacants/" + b + "/calls", aliceToken, Json.object().put("caller", own));
        assertThat(denied.code()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(post("/composites/" + a + "/outbound-checks", aliceToken,
                Json.object().put("caller", own).put("callee", a)).body().get("allowed").asBoolean()).isTrue();

        // graduation: consents in custody; the bud with its own style passes, the look-alike is held back
        samples(own, DriftFixtures.TERSE);
        samples(lookAlike, DriftFixtures.PROSE.subList(20, 26));
        for (String child : List.of(own, lookAlike)) {
            ObjectNode request = Json.object().put("purpose", "vacant.graduate/1").put("parent", a).put("child", child)
                    .put("capability_text", "Finds papers");
            ObjectNode graduation = Json.object().put("child_id", child).put("capability_text", "Finds papers")
                    .put("parent_signature", consent(a, aliceToken, request))
                    .put("child_signature", consent(child, aliceToken, request));
            Response answer = api.post("/api/v1/composites/" + a + "/graduations", aliceToken, graduation);
            if (child.equals(own)) {
                assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
                assertThat(answer.body().at("/child/state").asText()).isEqualTo("ACTIVE");
            } else {
                assertThat(answer.code()).isEqualTo("GRADUATION_COLLUSION");
                assertThat(answer.body().get("same_stylo").asDouble()).isGreaterThanOrEqualTo(0.7);
            }
        }

        // every logbook, read over HTTP, verifies with the project's verifier
        assertThat(readers).containsKeys(a, b, merged, own, lookAlike, carols);
        readers.keySet().forEach(id -> {
            List<LogbookEntry> entries = logbookOverHttp(id);
            assertThat(entries).as(id).isNotEmpty();
            assertThat(ChainVerifier.verify(id, entries)).as(id).isEmpty();
        });
        assertThat(logbookOverHttp(b)).extracting(LogbookEntry::kind).contains("CONSENT_GRANTED", "CONSENT_USED");
        assertThat(logbookOverHttp(own)).extracting(LogbookEntry::kind)
                .containsSubsequence("MANIFEST_ACCEPTED", "TASK_RECEIVED", "DELEGATION_COMPLETED", "OUTBOUND_DENIED",
                        "CONSENT_GRANTED", "GRADUATED");
    }
}
