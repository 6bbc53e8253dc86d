package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code op_id} is scoped to the principal that sends it: the same {@code op_id} from another principal is another
 * op, whose own effect happens and whose own reply comes back; another principal's stored reply (its tuple) is never
 * returned. The same {@code op_id} with other content from the same principal is {@code CONFLICT}.
 */
class OpIdScopeApiTest extends VacantApiTestBase {

    private String aliceVacant;
    private String bobVacant;
    private String bob;
    private String opId;

    @BeforeEach
    void twoControllers() {
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        bobToken = tokens.create(bob, Role.CONTROLLER);
        aliceVacant = genesis(alice);
        bobVacant = genesis(bob);
        opId = "op-" + UUID.randomUUID();
    }

    @Test
    void anotherControllersOpId_onItsOwnLane_neverReturnsTheFirstControllersReply() {
        String aliceLane = freshLane();
        String bobLane = freshLane();
        Response aliceWrote = out(aliceToken, aliceVacant, aliceLane, "secret", opId);

        Response bobTook = api.post("/api/v1/lanes/" + bobLane + "/in", bobToken, Json.object().put("op_id", opId)
                .put("vacant", bobVacant).set("template", Json.object().put("yool", "secret")));

        assertThat(aliceWrote.status()).isEqualTo(201);
        assertThat(bobTook.status()).isEqualTo(200);
        assertThat(bobTook.body().get("tuple").isNull()).as(bobTook.body().toString()).isTrue();
        assertThat(bobTook.body().toString()).doesNotContain("secret").doesNotContain(aliceVacant);
    }

    @Test
    void anOpIdUsedFirstByAnotherController_stillWritesTheSecondControllersTuple() {
        String lane = freshLane();
        Response aliceWrote = out(aliceToken, aliceVacant, lane, "alice-job", opId);

        Response bobWrote = out(bobToken, bobVacant, lane, "bob-job", opId);

        assertThat(bobWrote.status()).isEqualTo(201);
        assertThat(bobWrote.body().at("/tuple/yool").asText()).isEqualTo("bob-job");
        assertThat(bobWrote.body().at("/tuple/authority").asText()).isEqualTo(bobVacant);
        assertThat(bobWrote.body().at("/tuple/id").asText()).isNotEqualTo(aliceWrote.body().at("/tuple/id").asText());
        assertThat(jdbc.queryForObject("select count(*) from tuple_entry where lane = ?", Long.class, lane))
                .isEqualTo(2);
    }

    @Test
    void theSameOpIdFromTheSamePrincipal_isTheSameOpWithTheSameContent_andAConflictWithOther() {
        String lane = freshLane();
        Response first = out(aliceToken, aliceVacant, lane, "job", opId);
        Response again = out(aliceToken, aliceVacant, lane, "job", opId);
        long eventsBefore = storedEvents();

        Response other = out(aliceToken, aliceVacant, lane, "other-job", opId);

        assertThat(again.body()).isEqualTo(first.body());
        assertRejected(eventsBefore, other, 409, "CONFLICT");
        assertThat(jdbc.queryForObject("select count(*) from tuple_entry where lane = ?", Long.class, lane))
                .isEqualTo(1);
    }

    private String genesis(String controller) {
        String id = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null)).text("id");
        assertThat(api.get("/api/v1/vacants/" + id + "?consistency=strong", operator).status()).isEqualTo(200);
        return id;
    }

    private static String freshLane() {
        return "scope-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response out(String token, String vacant, String lane, String yool, String op) {
        return api.post("/api/v1/lanes/" + lane + "/out", token, Json.object().put("op_id", op).put("vacant", vacant)
                .put("yool", yool).set("map", Json.mapper().createArrayNode().add(3).add(4)));
    }
}
