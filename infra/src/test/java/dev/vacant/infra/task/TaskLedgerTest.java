package dev.vacant.infra.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.query.task.TaskProjection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tasks read model and the rewards ledger on real PostgreSQL, read over HTTP: an approved task's reward is
 * granted once, under a redelivered verdict and under a replay of the whole store.
 */
class TaskLedgerTest extends VacantApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventProcessingConfiguration processing;

    private String approvedTaskOf(String assignee) {
        Map<String, Object> body = Map.of("prompt", "Count the words", "mode", "llm", "model", "test-model",
                "min_budget_micros", 1_000_000, "max_budget_micros", 2_000_000, "assignee", assignee);
        String id = api.post("/api/v1/tasks", aliceToken, body).text("id");
        commands.sendAndWait(new TakeTaskCommand(id, "worker-1", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(id, 1, "3 words", 1_500_000, 12, 3));
        commands.sendAndWait(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "non-empty, no error markers"));
        return id;
    }

    private ApiClient.Response balance(String vacant) {
        return api.get("/api/v1/rewards/" + vacant, aliceToken);
    }

    private long grants(String vacant) {
        return balance(vacant).body().get("grants").size();
    }

    @Test
    void approvedTask_isProjected_andRewardsItsAssigneeOnce_underRedeliveryAndAFullReplay() {
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search"))
                .text("id");
        String id = approvedTaskOf(vacant);
        Polling.awaitUntil("the reward is projected", PATIENCE, () -> grants(vacant) == 1);

        ApiClient.Response task = api.get("/api/v1/tasks/" + id, aliceToken);
        assertThat(task.status()).isEqualTo(200);
        assertThat(task.text("state")).isEqualTo("APPROVED");
        assertThat(task.body().get("cost_micros").asLong()).isEqualTo(1_500_000);
        assertThat(task.text("output")).isEqualTo("3 words");
        assertThat(task.text("assignee")).isEqualTo(vacant);
        assertThat(task.text("tool_route")).isEqualTo("tool");
        assertThat(task.text("tool_name")).isEqualTo("text.count");
        assertThat(task.body().get("tool_confidence_milli").asInt()).isEqualTo(1000);
        assertThat(api.get("/api/v1/tasks?state=APPROVED&limit=1000", aliceToken).body().findValuesAsText("id"))
                .contains(id);
        assertThat(balance(vacant).body().get("balance_micros").asLong()).isEqualTo(1_000_000);

        commands.sendAndWait(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "redelivered"));
        TaskReplays.replayTasks(processing, jdbc, PATIENCE);

        Polling.awaitUntil("the replayed ledger holds the grant again", PATIENCE, () -> grants(vacant) == 1);
        assertThat(balance(vacant).body().get("balance_micros").asLong()).isEqualTo(1_000_000);
        assertThat(jdbc.queryForObject("select count(*) from reward_grant where task_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void dependants_areQueuedWhenTheirDependencyIsApproved_andFailedWhenItFails() {
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search"))
                .text("id");
        String first = submit(Map.of("prompt", "a", "mode", "llm", "model", "test-model", "min_budget_micros", 0,
                "max_budget_micros", 10, "assignee", vacant));
        String failing = submit(Map.of("prompt", "b", "mode", "llm", "model", "test-model", "min_budget_micros", 0,
                "max_budget_micros", 10));
        String waitsOnFirst = submit(Map.of("prompt", "c", "mode", "llm", "model", "test-model",
                "min_budget_micros", 0, "max_budget_micros", 10, "depends_on", List.of(first)));
        String waitsOnFailing = submit(Map.of("prompt", "d", "mode", "llm", "model", "test-model",
                "min_budget_micros", 0, "max_budget_micros", 10, "depends_on", List.of(failing)));
        Polling.awaitUntil("the dependants are projected BLOCKED", PATIENCE,
                () -> "BLOCKED".equals(state(waitsOnFirst)) && "BLOCKED".equals(state(waitsOnFailing)));

        commands.sendAndWait(new TakeTaskCommand(first, "worker-1", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(first, 1, "ok", 5, 1, 1));
        commands.sendAndWait(new ReviewTaskCommand(first, 1, ReviewVerdict.APPROVED, "ok"));
        commands.sendAndWait(new TakeTaskCommand(failing, "worker-1", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(failing, 1, "over budget", 11, 1, 1));

        Polling.awaitUntil("the first dependant is queued", PATIENCE, () -> "QUEUED".equals(state(waitsOnFirst)));
        Polling.awaitUntil("the second dependant failed", PATIENCE, () -> "FAILED".equals(state(waitsOnFailing)));
    }

    @Test
    void decomposedTask_answersItsSubtasks_whichRunInOrder_andItIsApprovedWithTheLastOne() {
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search"))
                .text("id");
        ApiClient.Response submitted = api.post("/api/v1/tasks", aliceToken, Map.of(
                "prompt", "Check the release:\n1. Validate this JSON: {\"version\": 3}\n2. Count the words: ship it",
                "mode", "llm", "model", "test-model", "min_budget_micros", 2_000_000, "max_budget_micros", 4_000_000,
                "assignee", vacant));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.text("state")).isEqualTo("BLOCKED");
        List<String> subtasks = textList(submitted.body().get("subtasks"));
        assertThat(subtasks).hasSize(2);
        String parent = submitted.text("id");
        Polling.awaitUntil("the subtasks are projected", PATIENCE,
                () -> "QUEUED".equals(state(subtasks.get(0))) && "BLOCKED".equals(state(subtasks.get(1))));
        ApiClient.Response first = api.get("/api/v1/tasks/" + subtasks.get(0), aliceToken);
        assertThat(first.text("parent")).isEqualTo(parent);
        assertThat(first.text("tool_name")).isEqualTo("json.validate");
        assertThat(first.body().get("max_budget_micros").asLong()).isEqualTo(2_000_000);
        assertThat(textList(api.get("/api/v1/tasks/" + parent, aliceToken).body().get("subtasks")))
                .isEqualTo(subtasks);

        approve(subtasks.get(0));
        Polling.awaitUntil("the second subtask is queued", PATIENCE, () -> "QUEUED".equals(state(subtasks.get(1))));
        assertThat(state(parent)).isEqualTo("BLOCKED");
        approve(subtasks.get(1));

        Polling.awaitUntil("the parent is approved", PATIENCE, () -> "APPROVED".equals(state(parent)));
        Polling.awaitUntil("both subtasks rewarded the assignee", PATIENCE, () -> grants(vacant) == 2);
        assertThat(balance(vacant).body().get("balance_micros").asLong()).isEqualTo(2_000_000);
    }

    @Test
    void decomposedTask_failsWithAFailedSubtask_andSoDoTheSubtasksAfterIt() {
        ApiClient.Response submitted = api.post("/api/v1/tasks", aliceToken, Map.of("prompt",
                "- Fetch the page\n- Count its words\n- Sum them", "mode", "llm", "model", "test-model",
                "min_budget_micros", 0, "max_budget_micros", 30));
        String parent = submitted.text("id");
        List<String> subtasks = textList(submitted.body().get("subtasks"));
        Polling.awaitUntil("the subtasks are projected", PATIENCE, () -> "QUEUED".equals(state(subtasks.get(0))));

        commands.sendAndWait(new TakeTaskCommand(subtasks.get(0), "worker-1", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(subtasks.get(0), 1, "over its share", 11, 1, 1));

        Polling.awaitUntil("the parent and the later subtasks failed", PATIENCE, () -> "FAILED".equals(state(parent))
                && "FAILED".equals(state(subtasks.get(1))) && "FAILED".equals(state(subtasks.get(2))));
    }

    /** Runs one approved attempt of {@code id}, as a worker and its review would. */
    private void approve(String id) {
        commands.sendAndWait(new TakeTaskCommand(id, "worker-1", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(id, 1, "{\"valid\": true}", 10, 0, 0));
        commands.sendAndWait(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "ok"));
    }

    private static List<String> textList(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private String submit(Map<String, Object> body) {
        return api.post("/api/v1/tasks", aliceToken, body).text("id");
    }

    private String state(String taskId) {
        ApiClient.Response task = api.get("/api/v1/tasks/" + taskId, aliceToken);
        return task.status() == 200 ? task.text("state") : null;
    }

    @Test
    void unknownTask_isNotFound_andMalformedIdsAreRefused() {
        assertThat(api.get("/api/v1/tasks/task_00000000-0000-0000-0000-000000000000", aliceToken).code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/tasks/nope", aliceToken).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/rewards/nope", aliceToken).code()).isEqualTo("VALIDATION_FAILED");
    }
}
