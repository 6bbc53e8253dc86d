package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.tuple.CompositeLane;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code materialize} with {@code as_vacant} over REST: the agent becomes a LOCAL D2 bud of the vacant that made the
 * batch spawn, spawned once whatever is repeated, redelivered or lost in between.
 */
class MaterializeAsVacantApiTest extends VacantApiTestBase {

    @Autowired
    private CommandGateway commands;

    private String parent;
    private String lane;
    private String receipt;
    private String controllerAgent;

    /** A LOCAL parent (LOCAL vacants have no dormancy timer, so they leave no due timers behind) and its batch. */
    @BeforeEach
    void localParentsBatch() {
        batchSpawnOf(genesis("LOCAL"));
    }

    private void batchSpawnOf(String vacant) {
        parent = vacant;
        lane = "buds-" + UUID.randomUUID().toString().substring(0, 8);
        Response spawned = api.post("/api/v1/agents/batch-spawn", aliceToken, Json.object().put("vacant", parent)
                .put("lane", lane).put("yool", "worker").put("depth", 2).put("branching", 4));
        assertThat(spawned.status()).as(String.valueOf(spawned.body())).isEqualTo(201);
        receipt = spawned.text("receipt");
        controllerAgent = spawned.body().at("/controller/agent_id").asText();
    }

    private String genesis(String state) {
        String id = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, state, "read", "search"))
                .text("id");
        assertThat(api.get("/api/v1/vacants/" + id + "?consistency=strong", operator).status()).isEqualTo(200);
        return id;
    }

    private ObjectNode materialize(String vacant, boolean asVacant, Integer... path) {
        ObjectNode body = Json.object().put("op_id", "op-" + UUID.randomUUID()).put("vacant", vacant).put("lane", lane)
                .put("receipt", receipt).put("as_vacant", asVacant);
        List.of(path).forEach(body.putArray("path")::add);
        return body;
    }

    private Response send(ObjectNode body) {
        return api.post("/api/v1/agents/materialize", aliceToken, body);
    }

    private static String budOf(Response materialized) {
        assertThat(materialized.status()).as(String.valueOf(materialized.body())).isEqualTo(200);
        return materialized.body().at("/agent/data/vacant_id").asText();
    }

    private List<LogbookEntry> spawnEntries() {
        return logbook(parent).stream().filter(entry -> entry.kind().equals("SPAWN")).toList();
    }

    @Test
    void materializeAsVacant_spawnsALocalD2BudOfTheBatchVacant_once() {
        Response first = send(materialize(parent, true, 1, 2));
        String bud = budOf(first);
        Response again = send(materialize(parent, true, 1, 2));

        assertThat(first.body().get("created").asBoolean()).isTrue();
        assertThat(first.body().at("/agent/receipts").toString()).contains("materialize@", "bud@");
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(budOf(again)).isEqualTo(bud);
        JsonNode registered = api.get("/api/v1/vacants/" + bud + "?consistency=strong", aliceToken).body();
        assertThat(registered.get("state").asText()).isEqualTo("LOCAL");
        assertThat(registered.get("birth_path").asText()).isEqualTo("D2");
        assertThat(registered.get("parent").asText()).isEqualTo(parent);
        assertThat(registered.get("registry_visibility").asText()).isEqualTo("NONE");
        JsonNode children = api.get("/api/v1/vacants/" + parent + "/lineage?direction=children&consistency=strong",
                aliceToken).body().get("items");
        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("child").asText()).isEqualTo(bud);
        assertThat(children.get(0).get("path").asText()).isEqualTo("D2");
        List<LogbookEntry> spawns = spawnEntries();
        assertThat(spawns).hasSize(1);
        assertThat(spawns.get(0).body().payload().get("spawn_key").asText())
                .isEqualTo("agent:" + first.body().at("/agent/agent_id").asText());
        assertThat(ChainVerifier.verify(parent, logbook(parent))).isEmpty();
        assertThat(ChainVerifier.verify(bud, logbook(bud))).isEmpty();
    }

    @Test
    void materializeAsVacant_makesTheBudAMemberOfTheParentsTree_onItsCompositeLanes() {
        String bud = budOf(send(materialize(parent, true, 0, 0)));
        JsonNode children = api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).body()
                .get("children");
        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("child_id").asText()).isEqualTo(bud);
        String compositeLane = CompositeLane.PREFIX + parent.substring(4, 4 + CompositeLane.KEY_CHARS) + ".work";

        Response written = api.post("/api/v1/lanes/" + compositeLane + "/out", aliceToken, Json.object()
                .put("vacant", bud).put("yool", "job").set("map", Json.mapper().createArrayNode().add(1)));

        assertThat(written.status()).as(String.valueOf(written.body())).isEqualTo(201);
    }

    @Test
    void materializeAsVacant_redeliveredUnderTheSameOpId_answersTheStoredReply() {
        ObjectNode body = materialize(parent, true, 3, 3);

        Response first = send(body);
        Response redelivered = send(body);

        assertThat(redelivered.body()).isEqualTo(first.body());
        assertThat(spawnEntries()).hasSize(1);
    }

    @Test
    void materializeAsVacant_findsTheSameBud_whenTheAgentWasLostAfterTheSpawnCommitted() {
        Response first = send(materialize(parent, true, 2, 1));
        String agentId = first.body().at("/agent/agent_id").asText();
        jdbc.update("delete from tuple_entry where agent_id = ?", agentId);

        Response retried = send(materialize(parent, true, 2, 1));

        assertThat(retried.body().get("created").asBoolean()).isTrue();
        assertThat(budOf(retried)).isEqualTo(budOf(first));
        assertThat(spawnEntries()).hasSize(1);
    }

    @Test
    void materializeAsVacant_turnsAnAgentMaterializedEarlier_intoAVacant() {
        Response plain = send(materialize(parent, false, 1, 1));

        Response budded = send(materialize(parent, true, 1, 1));

        assertThat(plain.body().at("/agent/data").has("vacant_id")).isFalse();
        assertThat(budded.body().get("created").asBoolean()).isFalse();
        assertThat(budOf(budded)).startsWith("vac_");
        assertThat(budded.body().at("/agent/id").asText()).isEqualTo(plain.body().at("/agent/id").asText());
        assertThat(budded.body().at("/agent/receipts").toString()).contains("materialize@", "bud@");
        assertThat(spawnEntries()).hasSize(1);
    }

    @Test
    void materializeAsVacant_isRefusedAsTheSpawnIs_whenTheBatchVacantCannotSpawn_andTheLaneGoesOn() {
        batchSpawnOf(genesis("ACTIVE"));
        clock.advance(Duration.ofHours(2));
        commands.sendAndWait(new FireVacantTimerCommand(parent));
        assertThat(api.get("/api/v1/vacants/" + parent + "?consistency=strong", aliceToken).text("state"))
                .isEqualTo("HIBERNATING");
        long events = storedEvents();

        Response refused = send(materialize(parent, true, 0, 2));
        Response plain = send(materialize(parent, false, 0, 2));

        assertRejected(events, refused, 409, "INVALID_TRANSITION");
        assertThat(plain.body().get("created").asBoolean()).as(String.valueOf(plain.body())).isTrue();
    }

    @Test
    void materializeAsVacant_isNotFound_onceTheControllerAgentWasTaken() {
        Response taken = api.post("/api/v1/lanes/" + lane + "/in", aliceToken, Json.object().put("vacant", parent)
                .set("template", Json.object().put("agent_id", controllerAgent)));
        assertThat(taken.body().at("/tuple/agent_id").asText()).isEqualTo(controllerAgent);
        long events = storedEvents();

        assertRejected(events, send(materialize(parent, true, 1, 3)), 404, "NOT_FOUND");
    }

    @Test
    void materializeAsVacant_isForbidden_forAnotherVacantOfTheLane_andWritesNothing() {
        String other = genesis("LOCAL");
        long events = storedEvents();

        Response refused = send(materialize(other, true, 0, 1));

        assertRejected(events, refused, 403, "FORBIDDEN");
        assertThat(jdbc.queryForObject("select count(*) from tuple_entry where agent_id = ?", Long.class,
                receipt + "/0.1")).isZero();
    }
}
