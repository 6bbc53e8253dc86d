package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.GraduationRequests;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.CompositeLane;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Composite-internal lanes over REST: guarded by the parent's tree, so the parent and its registered children may
 * use them, and an outsider (even one with the same controller) or a graduated child may not.
 */
class CompositeLaneApiTest extends VacantApiTestBase {

    @Autowired
    private KeyCustody custody;

    private String parent;
    private String member;
    private String outsider;
    private String lane;
    private String yool;

    @BeforeEach
    void composite() {
        parent = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, "LOCAL", "read")).text("id");
        member = bud();
        outsider = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, "LOCAL", "read"))
                .text("id");
        lane = CompositeLane.PREFIX + parent.substring(4, 4 + CompositeLane.KEY_CHARS) + ".work";
        yool = "job-" + UUID.randomUUID().toString().substring(0, 8);
        caughtUp();
    }

    private String bud() {
        Response bud = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")));
        assertThat(bud.status()).as(String.valueOf(bud.body())).isEqualTo(201);
        return bud.text("child_id");
    }

    /** Waits until the registry and composite projections hold every command sent so far. */
    private void caughtUp() {
        assertThat(api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).status()).isEqualTo(200);
    }

    private Response op(String name, String vacant, ObjectNode body) {
        return api.post("/api/v1/lanes/" + lane + "/" + name, aliceToken, body.put("vacant", vacant));
    }

    private Response out(String vacant) {
        ObjectNode body = Json.object().put("op_id", "op-" + UUID.randomUUID()).put("yool", yool);
        body.putArray("map").add(1);
        return op("out", vacant, body);
    }

    private Response check(String vacant) {
        return api.post("/api/v1/walls/" + lane + "/check", aliceToken, Json.object().put("capability", "cap:" + vacant));
    }

    private long tuplesInLane() {
        return jdbc.queryForObject("select count(*) from tuple_entry where lane = ?", Long.class, lane);
    }

    private long recordedOps() {
        return jdbc.queryForObject("select count(*) from tuple_op where lane = ?", Long.class, lane);
    }

    private static void assertWallDenied(Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(422);
        assertThat(response.code()).isEqualTo("WALL_DENIED");
    }

    @Test
    void compositeLane_admitsTheParentAndItsRegisteredChildren() {
        Response written = out(parent);
        Response read = op("rd", member, Json.object());
        Response scanned = api.get("/api/v1/tuples?vacant=" + member + "&yool=" + yool, aliceToken);
        Response taken = op("in", member, Json.object());

        assertThat(written.status()).isEqualTo(201);
        assertThat(read.body().at("/tuple/id").asText()).isEqualTo(written.body().at("/tuple/id").asText());
        assertThat(scanned.body().get("tuples")).hasSize(1);
        assertThat(taken.body().at("/tuple/id").asText()).isEqualTo(written.body().at("/tuple/id").asText());
        assertThat(out(member).status()).isEqualTo(201);
        assertThat(check(parent).body().get("held").asBoolean()).isTrue();
        assertThat(check(member).body().get("held").asBoolean()).isTrue();
    }

    @Test
    void compositeLane_isWallDenied_forAnOutsiderWithTheSameController_andWritesNothing() {
        out(parent);
        long tuples = tuplesInLane();
        long ops = recordedOps();

        assertWallDenied(out(outsider));
        assertWallDenied(op("rd", outsider, Json.object()));
        assertWallDenied(op("in", outsider, Json.object()));
        assertWallDenied(api.get("/api/v1/lanes/" + lane + "/tuples?vacant=" + outsider, aliceToken));
        assertWallDenied(api.post("/api/v1/agents/spawn", aliceToken,
                Json.object().put("vacant", outsider).put("lane", lane).put("yool", "w")));
        assertThat(api.get("/api/v1/tuples?vacant=" + outsider + "&yool=" + yool, aliceToken).body().get("tuples"))
                .isEmpty();
        assertThat(tuplesInLane()).isEqualTo(tuples);
        assertThat(recordedOps()).isEqualTo(ops);
        assertThat(check(outsider).body().get("held").asBoolean()).isFalse();
    }

    @Test
    void compositeLane_isWallDenied_forAChildOnceItGraduated() {
        String graduate = bud();
        caughtUp();
        assertThat(out(graduate).status()).isEqualTo(201);

        Response graduated = api.post("/api/v1/composites/" + parent + "/graduations", aliceToken,
                GraduationRequests.signed(custody, parent, graduate, "Works alone"));
        assertThat(graduated.status()).as(String.valueOf(graduated.body())).isEqualTo(200);
        caughtUp();
        long tuples = tuplesInLane();

        assertWallDenied(out(graduate));
        assertWallDenied(op("rd", graduate, Json.object()));
        assertThat(tuplesInLane()).isEqualTo(tuples);
        assertThat(out(member).status()).isEqualTo(201);
    }

    @Test
    void compositeLane_cannotBeHooked_itsWallIsTheTree() {
        Response hooked = api.post("/api/v1/walls/" + lane + "/hook", operator, Json.object().put("capability", "read"));

        assertThat(hooked.status()).isEqualTo(400);
        assertThat(hooked.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from tuple_wall where wall = ?", Long.class, lane)).isZero();
        assertWallDenied(out(outsider));
    }

    @Test
    void reservedLane_withoutTheCompositeForm_admitsNobody() {
        lane = CompositeLane.PREFIX + "work";

        assertWallDenied(out(parent));
    }
}
