package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composite story over HTTP only (no bean, repository or custody call): two controllers, a D4 merge with the
 * other controller's consent, a composite with two buds and a manifest-registered child of the other controller, a
 * delegation, Tree-Only on a call and a check, one graduation through the collusion gate and one held back by it.
 * Told by {@link HttpOnlyStoryTest}, and by the gRPC twin ({@code GrpcOnlyStoryTest}) to compare logbooks.
 *
 * @param alice   the first controller, {@code aliceToken} its token; {@code carol} the second one
 */
public record CompositeHttpStory(ApiClient api, Clock clock, String operator, String alice, String aliceToken,
                                 String carol, String carolToken) {

    /** The story's vacants by role ({@code a}, {@code b}, {@code merged}, {@code own}, {@code look_alike}, {@code carols}) and the token that reads each. */
    public record Cast(Map<String, String> roles, Map<String, String> readers) {
    }

    private Response post(String path, String token, Object body) {
        Response response = api.post("/api/v1" + path, token, body);
        assertThat(response.status()).as(path + " " + response.body()).isLessThan(300);
        return response;
    }

    private String consent(String signer, String token, ObjectNode request) {
        return post("/vacants/" + signer + "/consents", token, request).text("signature");
    }

    private void samples(String id, List<String> texts) {
        texts.forEach(text -> post("/vacants/" + id + "/samples", aliceToken, Json.object().put("text", text)));
    }

    /** Tells the story, asserting each answer on the way; answers its cast. */
    public Cast tell() {
        Map<String, String> readers = new LinkedHashMap<>();
        String a = post("/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search", "read")).text("id");
        String b = post("/vacants/genesis", operator, VacantFixtures.genesis(carol, null, "write")).text("id");

        // D4: carol's B consents in custody, alice merges A with B
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        Response d4 = post("/vacants/" + b + "/consents", carolToken, Json.object().put("purpose", "vacant.spawn.d4/1")
                .put("primary", a).put("expires_at", expires));
        ObjectNode merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "Both.");
        merge.putObject("consent").put("nonce", d4.body().at("/payload/nonce").asText()).put("expires_at", expires)
                .put("signature", d4.text("signature"));
        String merged = post("/vacants/" + a + "/spawn", aliceToken, merge).text("child_id");

        // a composite: A with two buds (registered by their spawn) and carol's child registered by manifest
        samples(a, DriftFixtures.PROSE.subList(0, 20));
        ObjectNode bud = Json.object().put("path", "D2");
        bud.putArray("narrowed_tools").add("search");
        String own = post("/vacants/" + a + "/spawn", aliceToken, bud).text("child_id");
        String lookAlike = post("/vacants/" + a + "/spawn", aliceToken, bud).text("child_id");
        String carols = post("/vacants/" + b + "/spawn", carolToken,
                Json.object().put("path", "D1").put("policy_mutation", "be brief")).text("child_id");
        ObjectNode manifest = manifest(a, carols, clock);
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
        Map<String, String> roles = roles(a, b, merged, own, lookAlike, carols);
        roles.forEach((role, id) -> readers.put(id, role.equals("b") || role.equals("carols") ? carolToken : aliceToken));
        return new Cast(roles, readers);
    }

    /** The manifest registering {@code carols} (the other controller's D1 child) under {@code a}, unsigned. */
    public static ObjectNode manifest(String a, String carols, Clock clock) {
        ObjectNode manifest = Json.object().put("schema_version", "v2").put("parent_id", a).put("child_id", carols)
                .put("birth_path", "D1").put("closed_by_default", true).put("registry_visibility", "NONE")
                .put("issued_at", clock.instant().toString()).put("endpoint_reachability", "PARENT_ONLY")
                .put("outbound_policy", "NO_EXTERNAL");
        manifest.putArray("tool_whitelist").add("write");
        return manifest;
    }

    /** The story's vacants by role, in the order of the story. */
    public static Map<String, String> roles(String a, String b, String merged, String own, String lookAlike,
                                            String carols) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("a", a);
        roles.put("b", b);
        roles.put("merged", merged);
        roles.put("own", own);
        roles.put("look_alike", lookAlike);
        roles.put("carols", carols);
        return roles;
    }

    /** A vacant's logbook as a client reads it over HTTP. */
    public List<LogbookEntry> logbookOverHttp(String id, String token) {
        JsonNode page = api.get("/api/v1/vacants/" + id + "/logbook?limit=1000&consistency=strong", token).body();
        List<LogbookEntry> entries = new ArrayList<>();
        for (JsonNode e : page.get("entries")) {
            entries.add(new LogbookEntry(Json.mapper().convertValue(e.get("body"), LogbookBody.class),
                    e.get("sig").asText(), e.get("hash").asText()));
        }
        return entries;
    }
}
