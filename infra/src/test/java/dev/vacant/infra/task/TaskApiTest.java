package dev.vacant.infra.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submission and the operator's switch over HTTP on loopback, on real PostgreSQL. */
class TaskApiTest extends VacantApiTestBase {

    @AfterEach
    void resume() {
        api.post("/api/v1/control/resume", operator, null);
    }

    private static Map<String, Object> task(String model, long min, long max) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", "Summarise the release notes");
        body.put("mode", "llm");
        body.put("model", model);
        body.put("min_budget_micros", min);
        body.put("max_budget_micros", max);
        return body;
    }

    private List<LogbookEntry> chain(String taskId) {
        return eventStore.readEvents(taskId).asStream().map(m -> ((TaskEvent) m.getPayload()).entry()).toList();
    }

    @Test
    void submittedTask_isQueued_andItsNodeSignedEntryVerifies() {
        ApiClient.Response created = api.post("/api/v1/tasks", aliceToken, task("test-model", 1_000, 2_000));

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.text("state")).isEqualTo("QUEUED");
        String id = created.text("id");
        assertThat(id).startsWith("task_");
        List<LogbookEntry> chain = chain(id);
        assertThat(chain).extracting(LogbookEntry::kind).containsExactly("SUBMITTED");
        assertThat(chain.get(0).body().signer()).startsWith("node_");
        assertThat(chain.get(0).body().payload().get("submitter").asText()).isEqualTo(alice);
        assertThat(ChainVerifier.verify(id, chain)).isEmpty();
    }

    @Test
    void gateRejections_answerTheirCode_andRecordTheTaskAsRejected() {
        Map<String, Object> local = task(null, 0, 1);
        local.put("mode", "local");
        local.put("command", List.of("sh", "-c", "rm -rf /"));
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("MODEL_NOT_ALLOWED", task("gpt-unlisted", 0, 1));
        cases.put("BUDGET_INVALID", task("test-model", 3, 2));
        cases.put("COMMAND_NOT_ALLOWED", local);
        Map<String, Object> big = task("test-model", 0, 1);
        big.put("prompt", "x".repeat(65_537));
        cases.put("PROMPT_TOO_LARGE", big);

        cases.forEach((code, body) -> {
            ApiClient.Response rejected = api.post("/api/v1/tasks", aliceToken, body);
            assertThat(rejected.status()).as(code).isEqualTo(422);
            assertThat(rejected.code()).isEqualTo(code);
            String id = rejected.text("task_id");
            assertThat(chain(id).get(0).body().payload().get("state").asText()).isEqualTo("REJECTED");
            assertThat(chain(id).get(0).body().payload().get("reason").asText()).isEqualTo(code);
        });
    }

    @Test
    void halt_rejectsNewTasksWith503Halted_pauseAccepts_resumeRestores_andOnlyOperatorsSwitch() {
        long before = storedEvents();
        assertRejected(before, api.post("/api/v1/control/halt", aliceToken, null), 403, "FORBIDDEN");

        ApiClient.Response halted = api.post("/api/v1/control/halt", operator, null);
        assertThat(halted.status()).isEqualTo(200);
        assertThat(halted.text("mode")).isEqualTo("HALTED");
        ApiClient.Response refused = api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("HALTED");

        assertThat(api.post("/api/v1/control/pause", operator, null).text("mode")).isEqualTo("PAUSED");
        assertThat(api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1)).text("state")).isEqualTo("QUEUED");
        assertThat(api.post("/api/v1/control/resume", operator, null).text("mode")).isEqualTo("RUNNING");
        assertThat(api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1)).status()).isEqualTo(201);
    }

    @Test
    void controllerPastItsSpendingLimit_isRefusedWithBudgetExceeded_whileOthersStillSubmit() {
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 10_000_000)).text("id");
        }
        String projected = last;
        Polling.awaitUntil("the third task is projected", Duration.ofSeconds(30),
                () -> api.get("/api/v1/tasks/" + projected, aliceToken).status() == 200);

        ApiClient.Response over = api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(api.post("/api/v1/tasks", bobToken, task("test-model", 0, 1)).status()).isEqualTo(201);
    }

    @Test
    void decomposedTask_commitsItsBudgetOnce_throughItsSubtasks() {
        Map<String, Object> decomposed = task("test-model", 0, 10_000_000);
        decomposed.put("prompt", "1. Fetch the page\n2. Count its words");
        String lastSubtask = null;
        for (int i = 0; i < 2; i++) {
            ApiClient.Response parent = api.post("/api/v1/tasks", aliceToken, decomposed);
            assertThat(parent.text("state")).isEqualTo("BLOCKED");
            lastSubtask = parent.body().get("subtasks").get(1).asText();
        }
        String projected = lastSubtask;
        Polling.awaitUntil("the last subtask is projected", Duration.ofSeconds(30),
                () -> api.get("/api/v1/tasks/" + projected, aliceToken).status() == 200);

        ApiClient.Response upToTheLimit = api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 10_000_000));
        assertThat(upToTheLimit.status()).as(String.valueOf(upToTheLimit.body())).isEqualTo(201);
        Polling.awaitUntil("the task is projected", Duration.ofSeconds(30),
                () -> api.get("/api/v1/tasks/" + upToTheLimit.text("id"), aliceToken).status() == 200);
        assertThat(api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1)).code()).isEqualTo("BUDGET_EXCEEDED");
    }

    @Test
    void malformedTasks_areRefusedWith400_andWriteNothing() {
        long before = storedEvents();
        Map<String, Object> noPrompt = task("test-model", 0, 1);
        noPrompt.remove("prompt");
        Map<String, Object> negative = task("test-model", -1, 1);
        Map<String, Object> badMode = task("test-model", 0, 1);
        badMode.put("mode", "shell");
        Map<String, Object> badDependency = task("test-model", 0, 1);
        badDependency.put("depends_on", List.of("not-a-task"));

        for (Map<String, Object> body : List.of(noPrompt, negative, badMode, badDependency)) {
            assertRejected(before, api.post("/api/v1/tasks", aliceToken, body), 400, "VALIDATION_FAILED");
        }
        assertRejected(before, api.post("/api/v1/tasks", null, task("test-model", 0, 1)), 401, "UNAUTHENTICATED");
    }

    @Test
    void taskDependingOnAQueuedTask_isBlocked_andOnAnUnknownOne_isNotFound() {
        String first = api.post("/api/v1/tasks", aliceToken, task("test-model", 0, 1)).text("id");
        Map<String, Object> dependant = task("test-model", 0, 1);
        dependant.put("depends_on", List.of(first));
        assertThat(api.post("/api/v1/tasks", aliceToken, dependant).text("state")).isEqualTo("BLOCKED");

        long before = storedEvents();
        dependant.put("depends_on", List.of("task_00000000-0000-0000-0000-000000000000"));
        assertRejected(before, api.post("/api/v1/tasks", aliceToken, dependant), 404, "NOT_FOUND");
    }
}
