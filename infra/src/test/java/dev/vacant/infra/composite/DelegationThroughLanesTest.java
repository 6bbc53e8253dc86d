package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.composite.Delegations;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delegation delivers over HTTP: the subtask goes as a tuple onto the child's delegation lane (inside the parent's
 * wall), the child's in-process runner or a client taking from that lane answers on its results lane, and the answer
 * comes back as DELEGATION_COMPLETED on both logbooks; a sequential plan puts its next subtask only after the previous
 * answer, a parallel one at once; no answer in time is a failed completion; a STALE child refuses and gets no tuple.
 */
class DelegationThroughLanesTest extends VacantApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    VacantTimerPoller poller;

    private String parent;

    @BeforeEach
    void composite() {
        parent = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
    }

    private String bud() {
        String bud = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");
        api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken);
        return bud;
    }

    private DelegationLane lane(String child) {
        return DelegationLane.of(VacantId.parse(parent), VacantId.parse(child));
    }

    private Response delegate(boolean parallel, String aggregate, Long timeoutMs, String... children) {
        ObjectNode body = Json.object().put("parallel", parallel).put("aggregate", aggregate);
        if (timeoutMs != null) {
            body.put("timeout_ms", timeoutMs);
        }
        for (int i = 0; i < children.length; i++) {
            body.withArray("plan").add(Json.object().put("child", children[i]).put("subtask", "part " + i));
        }
        Response delegated = api.post("/api/v1/composites/" + parent + "/delegations", aliceToken, body);
        assertThat(delegated.status()).as(String.valueOf(delegated.body())).isEqualTo(201);
        return delegated;
    }

    private JsonNode plan(Response delegated) {
        for (JsonNode view : api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).body().get("plans")) {
            if (view.get("plan_id").asText().equals(delegated.text("plan_id"))) {
                return view;
            }
        }
        throw new AssertionError("no plan " + delegated.text("plan_id"));
    }

    private JsonNode await(Response delegated, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode view = plan(delegated);
        while (!done.test(view) && System.nanoTime() < deadline) {
            sleep(100);
            view = plan(delegated);
        }
        assertThat(done.test(view)).as(String.valueOf(view)).isTrue();
        return view;
    }

    private JsonNode tuples(String lane, String vacant) {
        return api.get("/api/v1/lanes/" + lane + "/tuples?vacant=" + vacant, aliceToken).body().get("tuples");
    }

    private List<String> kinds(String vacant) {
        return logbook(vacant).stream().map(LogbookEntry::kind).toList();
    }

    /**
     * Lets {@code millis} of wall time pass (the delivery's own timeout) and moves the server's clock past it too: the
     * lane's waiters and leases follow that clock, which the tests move by hand.
     */
    private void outwait(long millis) {
        sleep(millis);
        clock.advance(Duration.ofMillis(millis + 1000));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theChildsRunner_answersASequentialPlanThroughItsLane_andBothLogbooksRecordEachAnswerInOrder() {
        String child = bud();
        Response runner = api.put("/api/v1/composites/" + parent + "/children/" + child + "/runner", aliceToken);
        assertThat(runner.status()).as(String.valueOf(runner.body())).isEqualTo(200);
        assertThat(runner.text("lane")).isEqualTo(lane(child).tasks());
        assertThat(runner.body().get("running").asBoolean()).isTrue();

        Response delegated = delegate(false, "concat", null, child, child);

        JsonNode view = await(delegated, plan -> plan.get("complete").asBoolean());
        assertThat(view.get("results").asText()).isEqualTo("done: part 0done: part 1");
        assertThat(kinds(parent)).containsSubsequence("DELEGATED", "DELEGATED", "DELEGATION_COMPLETED",
                "DELEGATION_COMPLETED");
        assertThat(kinds(child)).containsSubsequence("TASK_RECEIVED", "TASK_RECEIVED", "DELEGATION_COMPLETED",
                "DELEGATION_COMPLETED");
        List<LogbookEntry> completions = logbook(parent).stream()
                .filter(entry -> entry.kind().equals("DELEGATION_COMPLETED")).toList();
        assertThat(completions).extracting(entry -> entry.body().payload().get("delegation_id").asText())
                .containsExactly(delegated.body().at("/delegations/0/delegation_id").asText(),
                        delegated.body().at("/delegations/1/delegation_id").asText());
        assertThat(ChainVerifier.verify(parent, logbook(parent))).isEmpty();
        assertThat(ChainVerifier.verify(child, logbook(child))).isEmpty();

        Response stopped = api.delete("/api/v1/composites/" + parent + "/children/" + child + "/runner", aliceToken);
        assertThat(stopped.body().get("running").asBoolean()).isFalse();
    }

    @Test
    void aClientTakingFromTheLane_answers_aSequentialPlanPutsTheNextSubtaskOnlyAfterThat_aParallelOneAtOnce() {
        String child = bud();
        DelegationLane lane = lane(child);
        Response sequential = delegate(false, "list", null, child, child);
        assertThat(tuples(lane.tasks(), child)).hasSize(1);

        JsonNode task = api.post("/api/v1/lanes/" + lane.tasks() + "/in", aliceToken, Json.object().put("vacant", child)
                .put("timeout_ms", 5000)).body().get("tuple");
        assertThat(task.at("/data/subtask").asText()).isEqualTo("part 0");
        assertThat(task.at("/data/delegation_id").asText())
                .isEqualTo(sequential.body().at("/delegations/0/delegation_id").asText());
        ObjectNode answer = Json.object().put("vacant", child).put("yool", DelegationLane.YOOL)
                .put("parent_id", task.get("id").asText());
        answer.putArray("map").add(0);
        answer.putObject("data").put("result", "answered by hand");
        assertThat(api.post("/api/v1/lanes/" + lane.results() + "/out", aliceToken, answer).status()).isEqualTo(201);

        JsonNode view = await(sequential, plan -> plan.at("/delegations/0/result").isTextual());
        assertThat(view.at("/delegations/0/result").asText()).isEqualTo("answered by hand");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (tuples(lane.tasks(), child).isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(tuples(lane.tasks(), child)).extracting(tuple -> tuple.at("/data/subtask").asText())
                .containsExactly("part 1");

        String other = bud();
        delegate(true, "list", null, other, other);
        assertThat(tuples(lane(other).tasks(), other)).hasSize(2);
    }

    @Test
    void noAnswerInTime_isAFailedCompletionOnBothLogbooks_andFirstSuccessSkipsIt() {
        String silent = bud();
        String answering = bud();
        api.put("/api/v1/composites/" + parent + "/children/" + answering + "/runner", aliceToken);

        Response delegated = delegate(true, "first_success", 300L, silent);
        outwait(400);
        JsonNode view = await(delegated, plan -> plan.get("complete").asBoolean());
        assertThat(view.at("/delegations/0/error").asText()).isEqualTo(Delegations.TIMEOUT);
        assertThat(view.get("results").isNull()).isTrue();
        LogbookEntry parentEntry = logbook(parent).get(logbook(parent).size() - 1);
        assertThat(parentEntry.kind()).isEqualTo("DELEGATION_COMPLETED");
        assertThat(parentEntry.body().payload().get("error").asText()).isEqualTo(Delegations.TIMEOUT);
        assertThat(logbook(silent).get(logbook(silent).size() - 1).body().payload())
                .isEqualTo(parentEntry.body().payload());
        assertThat(tuples(lane(silent).tasks(), silent)).isEmpty();

        Response mixed = delegate(true, "first_success", 1000L, silent, answering);
        outwait(1100);
        JsonNode mixedView = await(mixed, plan -> plan.at("/delegations/0/completed_at").isTextual()
                && plan.at("/delegations/1/completed_at").isTextual());
        assertThat(mixedView.get("results").asText()).isEqualTo("done: part 1");
        assertThat(mixedView.at("/delegations/0/error").asText()).isEqualTo(Delegations.TIMEOUT);
    }

    @Test
    void aStaleChild_refusesTheDelegation_andNothingIsPutOnItsLane() {
        String child = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken, Json.object().put("path", "D1")
                .put("policy_mutation", "be brief")).text("child_id");
        assertThat(api.post("/api/v1/composites/" + parent + "/children", aliceToken,
                Json.object().put("child_id", child)).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        poller.fireDue();
        assertThat(api.post("/api/v1/vacants/" + parent + "/calls", aliceToken, null).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        poller.fireDue();
        assertThat(api.post("/api/v1/vacants/" + parent + "/calls", aliceToken, null).status()).isEqualTo(200);
        assertThat(logbook(child).get(logbook(child).size() - 1).body().payload().get("to").asText())
                .isEqualTo("STALE");

        long before = storedEvents();
        ObjectNode body = Json.object().put("child", child).put("subtask", "wake up");
        assertRejected(before, api.post("/api/v1/composites/" + parent + "/delegations", aliceToken, body), 409,
                "INVALID_TRANSITION");
        assertThat(tuples(lane(child).tasks(), parent)).isEmpty();
    }
}
