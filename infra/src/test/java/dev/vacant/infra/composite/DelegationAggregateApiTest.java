package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;

/** {@code aggregate} of a delegated plan over HTTP: concat waits for every result, first_success for the first one. */
class DelegationAggregateApiTest extends VacantApiTestBase {

    private String parent;

    private String bud() {
        return api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");
    }

    private Response plan(String aggregate, String... children) {
        ObjectNode body = Json.object().put("aggregate", aggregate);
        for (int i = 0; i < children.length; i++) {
            body.withArray("plan").add(Json.object().put("child", children[i]).put("subtask", "part " + i));
        }
        return api.post("/api/v1/composites/" + parent + "/delegations", aliceToken, body);
    }

    private void complete(Response plan, int index, String result) {
        JsonNode delegation = plan.body().get("delegations").get(index);
        assertThat(api.post("/api/v1/composites/" + parent + "/delegations/" + delegation.get("delegation_id").asText()
                + "/completion", aliceToken, Json.object().put("child", delegation.get("child").asText())
                .put("result", result)).status()).isEqualTo(200);
    }

    private JsonNode planView(Response plan) {
        for (JsonNode view : api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).body().get("plans")) {
            if (view.get("plan_id").asText().equals(plan.text("plan_id"))) {
                return view;
            }
        }
        throw new AssertionError("no plan " + plan.text("plan_id"));
    }

    @Test
    void concat_joinsEveryResultInPlanOrder_andFirstSuccess_completesWithTheFirstResultBack() {
        parent = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
        String a = bud();
        String b = bud();

        Response concat = plan("concat", a, b);
        assertThat(concat.status()).as(String.valueOf(concat.body())).isEqualTo(201);
        assertThat(concat.text("aggregate")).isEqualTo("concat");
        complete(concat, 1, "world");
        assertThat(planView(concat).get("complete").asBoolean()).isFalse();
        complete(concat, 0, "hello ");
        assertThat(planView(concat).get("results").asText()).isEqualTo("hello world");

        Response first = plan("first_success", a, b);
        complete(first, 1, "b was faster");
        JsonNode firstView = planView(first);
        assertThat(firstView.get("complete").asBoolean()).isTrue();
        assertThat(firstView.get("aggregate").asText()).isEqualTo("first_success");
        assertThat(firstView.get("results").asText()).isEqualTo("b was faster");

        long before = storedEvents();
        assertRejected(before, plan("sum", a, b), 400, "VALIDATION_FAILED");
    }
}
