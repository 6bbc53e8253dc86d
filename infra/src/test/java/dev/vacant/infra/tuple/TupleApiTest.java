package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.lane.LaneTask;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tuple-space REST endpoints end to end (in-process transport, PostgreSQL), errors as problem+json. */
class TupleApiTest extends VacantApiTestBase {

    @Autowired
    private ExecutionLanes executionLanes;
    @Autowired
    private LanePolicyProperties lanePolicy;

    private String vacant;
    private String lane;

    @BeforeEach
    void aliceVacant() {
        vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", operator).status()).isEqualTo(200);
        lane = "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response out(String token, String yool) {
        return api.post("/api/v1/lanes/" + lane + "/out", token, Json.object().put("vacant", vacant).put("yool", yool)
                .set("map", Json.mapper().createArrayNode().add(3).add(4)));
    }

    @Test
    void outRdScanIn_roundTripATuple_forTheVacantsController() {
        Response written = out(aliceToken, "job");
        Response read = api.post("/api/v1/lanes/" + lane + "/rd", aliceToken, Json.object().put("vacant", vacant));
        Response scanned = api.get("/api/v1/lanes/" + lane + "/tuples?vacant=" + vacant, aliceToken);
        Response taken = api.post("/api/v1/lanes/" + lane + "/in", aliceToken, Json.object().put("vacant", vacant)
                .set("template", Json.object().put("yool", "job")));

        assertThat(written.status()).isEqualTo(201);
        assertThat(written.body().at("/tuple/authority").asText()).isEqualTo(vacant);
        assertThat(read.body().at("/tuple/id").asText()).isEqualTo(written.body().at("/tuple/id").asText());
        assertThat(scanned.body().get("tuples")).hasSize(1);
        assertThat(taken.body().at("/tuple/receipts").toString()).contains("in@");
    }

    @Test
    void out_isForbidden_whenTheCallerDoesNotControlTheVacant() {
        Response denied = out(bobToken, "job");

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void out_isWallDenied_whenTheLaneIsGuardedByAWallWithoutItsCapabilities() {
        api.post("/api/v1/walls/" + lane + "/hook", operator, Json.object().put("capability", "write"));

        Response denied = out(aliceToken, "job");
        api.post("/api/v1/walls/" + lane + "/hook", operator, Json.object().put("capability", "read"));
        Response admitted = out(aliceToken, "job");

        assertThat(denied.status()).isEqualTo(422);
        assertThat(denied.code()).isEqualTo("WALL_DENIED");
        assertThat(admitted.status()).isEqualTo(201);
    }

    @Test
    void hook_isForbidden_forAController() {
        Response denied = api.post("/api/v1/walls/" + lane + "/hook", aliceToken, Json.object().put("capability", "x"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void out_isValidationFailed_whenTheLaneOrMapIsMalformed() {
        Response badLane = api.post("/api/v1/lanes/Bad%20Lane/out", aliceToken, Json.object().put("vacant", vacant)
                .put("yool", "job").set("map", Json.mapper().createArrayNode().add(1)));
        Response badMap = api.post("/api/v1/lanes/" + lane + "/out", aliceToken, Json.object().put("vacant", vacant)
                .put("yool", "job").set("map", Json.mapper().createArrayNode().add(70_000)));

        assertThat(badLane.status()).isEqualTo(400);
        assertThat(badLane.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badMap.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void batchSpawn_isValidationFailed_whenTheSubtreeExceedsTwoToTheSixtySecond() {
        Response tooLarge = api.post("/api/v1/agents/batch-spawn", aliceToken, Json.object().put("vacant", vacant)
                .put("lane", lane).put("yool", "w").put("depth", 63).put("branching", 2));

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void batchSpawnMaterializeAndSnapshot_countVirtualAgents_overRest() {
        Response spawned = api.post("/api/v1/agents/batch-spawn", aliceToken, Json.object().put("vacant", vacant)
                .put("lane", lane).put("yool", "w").put("depth", 4).put("branching", 32));
        Response materialized = api.post("/api/v1/agents/materialize", aliceToken, Json.object().put("vacant", vacant)
                .put("lane", lane).put("receipt", spawned.text("receipt"))
                .set("path", Json.mapper().createArrayNode().add(1).add(2).add(3).add(4)));
        Response snapshot = api.get("/api/v1/space/snapshot", aliceToken);

        assertThat(spawned.status()).isEqualTo(201);
        assertThat(materialized.body().get("created").asBoolean()).isTrue();
        assertThat(snapshot.body().at("/lanes/" + lane).asLong()).isEqualTo(2);
        assertThat(snapshot.body().get("virtual_agents").asLong()).isGreaterThanOrEqualTo(1_048_575L);
    }

    @Test
    void snapshot_showsTheFailedLaneWithHalvedConcurrencyAndItsBreaker_afterAProviderTaskFailed() {
        String executionLane = "exec-" + lane;
        assertThat(executionLanes.lane(executionLane).execute(new LaneTask("summarise", Json.object(), false)))
                .failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withMessageContaining("no provider is configured to run summarise");

        Response snapshot = api.get("/api/v1/space/snapshot", aliceToken);

        assertThat(snapshot.body().at("/execution/lanes/" + executionLane + "/failures").asLong()).isEqualTo(1);
        assertThat(snapshot.body().at("/execution/lanes/" + executionLane + "/concurrency").asInt()).isEqualTo(16);
        assertThat(snapshot.body().at("/execution/breakers/none").asText()).isEqualTo("CLOSED");
    }

    @Test
    void snapshot_carriesThePolicyBlock_withEveryGuardrailNumberInForce() {
        Response snapshot = api.get("/api/v1/space/snapshot", aliceToken);

        assertThat(snapshot.status()).isEqualTo(200);
        JsonNode policy = snapshot.body().get("policy");
        assertThat(policy.get("lane_concurrency").asInt()).isEqualTo(lanePolicy.laneConcurrency());
        assertThat(policy.get("api_backoff_base_ms").asLong()).isEqualTo(lanePolicy.retryBase().toMillis());
        assertThat(policy.get("api_backoff_max_ms").asLong()).isEqualTo(lanePolicy.retryMax().toMillis());
        assertThat(policy.get("cache_ttl_s").asLong()).isEqualTo(lanePolicy.cacheTtl().toSeconds());
        assertThat(policy.get("circuit_cooldown_s").asLong()).isEqualTo(lanePolicy.circuitCooldown().toSeconds());
        assertThat(policy.size()).isEqualTo(12);
    }
}
