package dev.vacant.infra.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SpawnConsent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Grows lineages through the REST API (genesis, D1, D2, D4 with a consent signed in custody) and reads them back. */
final class LineageClient {

    private final ApiClient api;
    private final String operatorToken;
    private final String controller;
    private final String controllerToken;
    private final KeyCustody custody;
    private final Clock clock;

    LineageClient(ApiClient api, String operatorToken, String controller, String controllerToken, KeyCustody custody,
                  Clock clock) {
        this.api = api;
        this.operatorToken = operatorToken;
        this.controller = controller;
        this.controllerToken = controllerToken;
        this.custody = custody;
        this.clock = clock;
    }

    /** A new genesis root with the given tools. */
    String root(String... tools) {
        Response genesis = api.post("/api/v1/vacants/genesis", operatorToken, VacantFixtures.genesis(controller, null, tools));
        assertThat(genesis.status()).as(String.valueOf(genesis.body())).isEqualTo(201);
        return genesis.text("id");
    }

    /** A D1 clone of {@code parent}; the whole answer (child id, position). */
    Response clone(String parent) {
        return spawn(parent, Json.object().put("path", "D1").put("policy_mutation", "deny: nothing"));
    }

    /** The id of a new D1 clone of {@code parent}. */
    String d1(String parent) {
        return clone(parent).text("child_id");
    }

    /** The id of a new D2 bud of {@code parent}, keeping one tool. */
    String d2(String parent, String tool) {
        ObjectNode body = Json.object().put("path", "D2");
        body.putArray("narrowed_tools").add(tool);
        return spawn(parent, body).text("child_id");
    }

    /** The id of a new D4 merge of {@code primary} and {@code secondary}, with the secondary's signed consent. */
    String d4(String primary, String secondary) {
        String nonce = UUID.randomUUID().toString();
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        byte[] message = CanonicalJson.canonicalize(
                SpawnConsent.signingPayload(VacantId.parse(primary), VacantId.parse(secondary), nonce, expires));
        String signature = Base64Url.encode(custody.signer(VacantId.parse(secondary)).sign(message));
        ObjectNode body = Json.object().put("path", "D4").put("parent_b", secondary).put("merged_system_prompt", "Both.");
        body.putObject("consent").put("nonce", nonce).put("expires_at", expires).put("signature", signature);
        return spawn(primary, body).text("child_id");
    }

    /** {@code GET /vacants/{id}/lineage?query}, whatever it answers. */
    Response get(String id, String query) {
        return api.get("/api/v1/vacants/" + id + "/lineage" + (query.isEmpty() ? "" : "?" + query), controllerToken);
    }

    /** The body of a successful lineage query. */
    JsonNode lineage(String id, String query) {
        Response response = get(id, query);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    /** The ids of a list answer's items, in order. */
    static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.get("items").spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    private Response spawn(String parent, ObjectNode body) {
        Response spawned = api.post("/api/v1/vacants/" + parent + "/spawn", controllerToken, body);
        assertThat(spawned.status()).as(String.valueOf(spawned.body())).isEqualTo(201);
        return spawned;
    }
}
