package dev.vacant.infra.task.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskExecutionCommands.ConcludeReviewCommand;
import dev.vacant.command.task.TaskExecutionCommands.StartTaskCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.task.TaskReplays;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.ReviewVerdict;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole loop on real PostgreSQL, through the in-process {@code tasks} lane and its runner: submission over
 * HTTP, the worker's take (CALL_RECEIVED on the assignee), execution by a local skill, a local command or an
 * OpenAI-compatible server on loopback, the review (REVIEW_RECEIVED on the assignee) and the reward, including
 * a requeue, a budget overrun, HALT in the middle of a run and a worker that died holding a task.
 */
@TestPropertySource(properties = {
        "vacant.tasks.execution.enabled=true",
        "vacant.tasks.execution.sweeping=false",
        "vacant.tasks.execution.lease=30s",
        "vacant.tasks.execution.prices[test-model].prompt-micros-per-million=1000000",
        "vacant.tasks.execution.prices[test-model].completion-micros-per-million=2000000",
        "vacant.tasks.local-enabled=true",
        "vacant.tasks.allowed-commands=echo",
        "vacant.lanes.runner-poll-timeout=500ms",
        "vacant.lanes.retry-base=1ms",
        "vacant.lanes.retry-max=2ms",
        "vacant.providers.openai.model=test-model",
        "vacant.providers.openai.api-key=sk-test",
        "vacant.providers.openai.timeout=5s"})
class TaskExecutionTest extends TaskLoopTestBase {

    private static final MockWebServer LLM = new MockWebServer();
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Autowired
    private CommandGateway commands;
    @Autowired
    private TaskSweeper sweeper;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void llmServer(DynamicPropertyRegistry registry) throws IOException {
        LLM.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                JsonNode body = Json.parse(request.getBody().readUtf8());
                REQUESTS.add(body);
                String prompt = body.at("/messages/0/content").asText();
                int call = CALLS.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
                if (prompt.startsWith("SLOW")) {
                    Thread.sleep(1500);
                }
                if (prompt.startsWith("REQUEUE") && call == 1) {
                    return completion("Error: I could not do it", 5, 5);
                }
                if (prompt.startsWith("EXPENSIVE")) {
                    return completion("a very long answer", 10, 5000);
                }
                return completion("HELLO", 9, 1);
            }
        });
        LLM.start();
        registry.add("vacant.providers.openai.base-url", () -> LLM.url("/").toString());
    }

    private static MockResponse completion(String content, long promptTokens, long completionTokens) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(Json.write(Json.parse("""
                {"model": "test-model", "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d}}""".formatted(content, promptTokens,
                completionTokens))));
    }

    @AfterAll
    static void stopLlm() throws IOException {
        LLM.shutdown();
    }

    @AfterEach
    void resume() {
        api.post("/api/v1/control/resume", operator, Map.of());
    }

    @Test
    void aToolRoutedTask_runsOnTheTasksLane_toApproval_asACallAndAReviewOfItsAssignee_rewardedOnce() {
        double approved = meters.counter(TaskWorker.RUNS, "outcome", "approved").count();
        long toolRuns = meters.timer(TaskWorker.EXECUTION, "route", "tool").count();
        String vacant = assignee();
        String id = submit(llmTask("Count the words: one two three", vacant, 1_000_000));

        awaitState(id, "APPROVED");
        Polling.awaitUntil("the reward", PATIENCE, () -> grants(vacant) == 1);

        ApiClient.Response done = task(id);
        assertThat(Json.parse(done.text("output")).get("words").asInt()).isEqualTo(3);
        assertThat(done.body().get("cost_micros").asLong()).isZero();
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTED", "REVIEWED", "REWARD_GRANTED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).singleElement()
                .satisfies(e -> assertThat(e.body().payload().get("caller").asText()).isEqualTo("task:" + id));
        assertThat(entriesOf(vacant, "REVIEW_RECEIVED")).singleElement()
                .satisfies(e -> assertThat(e.body().payload().get("verdict").asText()).isEqualTo("APPROVED"));
        assertThat(balance(vacant)).isEqualTo(100);
        assertThat(CALLS).doesNotContainKey("Count the words: one two three");
        assertThat(meters.counter(TaskWorker.RUNS, "outcome", "approved").count()).isGreaterThan(approved);
        assertThat(meters.timer(TaskWorker.EXECUTION, "route", "tool").count()).isGreaterThan(toolRuns);
    }

    @Test
    void aDecomposedTask_runsItsThreeSubtasksOnTheLane_isApprovedWithThem_andEachSubtaskIsRewardedOnce() {
        String vacant = assignee();
        Map<String, Object> body = llmTask("Prepare the release:\n1. Validate this JSON: {\"version\": 3}\n"
                + "2. Count the words: ship the release today\n3. Checksum (sha256) of: ship the release today",
                vacant, 6_000_000);
        body.put("min_budget_micros", 300);
        ApiClient.Response submitted = api.post("/api/v1/tasks", aliceToken, body);
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
        String id = submitted.text("id");
        List<String> subtasks = new ArrayList<>();
        submitted.body().get("subtasks").forEach(subtask -> subtasks.add(subtask.asText()));

        awaitState(id, "APPROVED");
        Polling.awaitUntil("a reward per subtask", PATIENCE, () -> grants(vacant) == 3);

        assertThat(subtasks).hasSize(3);
        subtasks.forEach(subtask -> assertThat(task(subtask).text("state")).isEqualTo("APPROVED"));
        assertThat(Json.parse(task(subtasks.get(0)).text("output")).get("valid").asBoolean()).isTrue();
        assertThat(Json.parse(task(subtasks.get(1)).text("output")).get("words").asInt()).isEqualTo(4);
        assertThat(taskKinds(id)).contains("SUBTASKS_APPROVED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).hasSize(3);
        assertThat(entriesOf(vacant, "REVIEW_RECEIVED")).hasSize(3);
        assertThat(balance(vacant)).isEqualTo(300);
    }

    @Test
    void aStaleAssignee_refusesTheCall_soItsTaskWaitsQueued_untilItIsRevived() {
        String vacant = assignee();
        clock.advance(Duration.ofHours(2));
        commands.sendAndWait(new FireVacantTimerCommand(vacant));
        clock.advance(Duration.ofDays(8));
        commands.sendAndWait(new FireVacantTimerCommand(vacant));
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", aliceToken).text("state"))
                .isEqualTo("STALE");
        String id = submit(llmTask("Count the words: stale assignee " + id(), vacant, 1_000_000));

        Polling.awaitUntil("the worker declined the task", PATIENCE, () -> declines(id) > 0);
        assertThat(taskKinds(id)).containsExactly("SUBMITTED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();
        Polling.awaitUntil("the worker declined the task again", PATIENCE, () -> declines(id) == 2);
        assertThat(taskKinds(id)).containsExactly("SUBMITTED");

        assertThat(api.post("/api/v1/vacants/" + vacant + "/revive", aliceToken, Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();

        awaitState(id, "APPROVED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).hasSize(1);
    }

    @Test
    void anLlmTask_callsTheProviderOnce_cutOffByItsBudget_andCostsItsUsageTimesThePriceTable() {
        String vacant = assignee();
        String prompt = "Say hello to " + id();
        String id = submit(llmTask(prompt, vacant, 1_000_000));

        awaitState(id, "APPROVED");

        ApiClient.Response done = task(id);
        assertThat(done.text("output")).isEqualTo("HELLO");
        assertThat(done.body().get("cost_micros").asLong()).isEqualTo(9 * 1 + 1 * 2);
        assertThat(CALLS.get(prompt).get()).isEqualTo(1);
        JsonNode request = REQUESTS.stream().filter(r -> r.at("/messages/0/content").asText().equals(prompt))
                .findFirst().orElseThrow();
        assertThat(request.get("model").asText()).isEqualTo("test-model");
        assertThat(request.get("max_tokens").asLong()).isPositive().isLessThan(500_000);
    }

    @Test
    void anOutputTheGateRefuses_isRequeued_thenApprovedOnTheNextAttempt_andRewardedOnce() {
        String vacant = assignee();
        String id = submit(llmTask("REQUEUE " + id(), vacant, 1_000_000));

        awaitState(id, "APPROVED");
        Polling.awaitUntil("the reward", PATIENCE, () -> grants(vacant) == 1);

        assertThat(task(id).body().get("attempt").asInt()).isEqualTo(2);
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTED", "REVIEWED", "RETRIED", "TAKEN",
                "EXECUTED", "REVIEWED", "REWARD_GRANTED");
        assertThat(entriesOf(vacant, "REVIEW_RECEIVED")).extracting(e -> e.body().payload().get("verdict").asText())
                .containsExactly("REQUEUED", "APPROVED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).hasSize(2);
    }

    @Test
    void aCallOverTheBudget_failsTheTask_withBudgetExceeded_andNoReward() {
        String vacant = assignee();
        String id = submit(llmTask("EXPENSIVE " + id(), vacant, 1_000));

        awaitState(id, "FAILED");

        assertThat(task(id).text("reason")).isEqualTo("BUDGET_EXCEEDED");
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTION_FAILED");
        assertThat(grants(vacant)).isZero();
    }

    @Test
    void aLocalTask_runsItsAllowlistedCommandWithoutAShell() {
        String id = submit(Map.of("prompt", "echo", "mode", "local", "command", List.of("echo", "$HOME;", "*"),
                "min_budget_micros", 0, "max_budget_micros", 0));

        awaitState(id, "APPROVED");

        assertThat(task(id).text("output")).isEqualTo("$HOME; *\n");
    }

    @Test
    void aCommandNotOnTheAllowlist_isRejectedByTheGate_andNeverRuns() {
        ApiClient.Response refused = api.post("/api/v1/tasks", aliceToken, Map.of("prompt", "rm", "mode", "local",
                "command", List.of("rm", "-rf", "/tmp/x"), "min_budget_micros", 0, "max_budget_micros", 0));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("COMMAND_NOT_ALLOWED");
        String id = refused.text("task_id");
        assertThat(taskKinds(id)).containsExactly("SUBMITTED");
        sweeper.sweep();
        assertThat(taskKinds(id)).containsExactly("SUBMITTED");
    }

    @Test
    void haltDuringARun_letsTheRunningTaskFinish_butNoOtherIsTaken_untilResume() {
        String vacant = assignee();
        String slow = "SLOW " + id();
        String running = submit(llmTask(slow, vacant, 1_000_000));
        Map<String, Object> next = llmTask("Say hi after " + running, vacant, 1_000_000);
        next.put("depends_on", List.of(running));
        String waiting = submit(next);
        // the run is under way once its call reaches the provider (which holds it 1.5 s); the read model's
        // IN_PROGRESS can be skipped when the tasks processor applies the start and the result in one batch
        Polling.awaitUntil("the slow task's call reached the provider", PATIENCE, () -> CALLS.containsKey(slow));

        api.post("/api/v1/control/halt", operator, Map.of());

        awaitState(running, "APPROVED");
        awaitState(waiting, "QUEUED");
        Polling.awaitUntil("the worker declined the waiting task", PATIENCE, () -> declines(waiting) > 0);
        assertThat(taskKinds(waiting)).containsExactly("SUBMITTED", "UNBLOCKED");
        sweeper.sweep();
        assertThat(taskKinds(waiting)).containsExactly("SUBMITTED", "UNBLOCKED");

        api.post("/api/v1/control/resume", operator, Map.of());
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();

        awaitState(waiting, "APPROVED");
    }

    @Test
    void aTaskWhoseWorkerDied_isTakenAgainAfterItsLease_completesOnce_andRewardsOnce_underRedeliveryAndReplay() {
        String vacant = assignee();
        api.post("/api/v1/control/pause", operator, Map.of());
        String id = submit(llmTask("Say hello, survivor " + id(), vacant, 1_000_000));
        Polling.awaitUntil("the paused worker declined the task", PATIENCE, () -> declines(id) > 0);
        api.post("/api/v1/control/resume", operator, Map.of());
        commands.sendAndWait(new StartTaskCommand(id, "worker-that-dies", Duration.ofSeconds(30)));
        awaitState(id, "IN_PROGRESS");

        clock.advance(Duration.ofSeconds(20));
        sweeper.sweep();
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN");
        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        awaitState(id, "APPROVED");
        Polling.awaitUntil("the reward", PATIENCE, () -> grants(vacant) == 1);
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN", "LEASE_EXPIRED", "TAKEN", "EXECUTED",
                "REVIEWED", "REWARD_GRANTED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).hasSize(2);

        commands.sendAndWait(new RecordTaskResultCommand(id, 1, "a late result of the dead worker", 7, 1, 1));
        commands.sendAndWait(new ConcludeReviewCommand(id, 1, ReviewVerdict.APPROVED, "redelivered"));
        TaskReplays.replayTasks(processing, jdbc, PATIENCE);
        Polling.awaitUntil("the replayed ledger", PATIENCE, () -> grants(vacant) == 1);

        assertThat(taskKinds(id)).hasSize(7);
        assertThat(entriesOf(vacant, "REVIEW_RECEIVED")).hasSize(1);
        assertThat(balance(vacant)).isEqualTo(100);
        assertThat(task(id).text("output")).isEqualTo("HELLO");
    }

    /** How many times a worker declined {@code taskId}: its answers are on the results lane. */
    private long declines(String taskId) {
        return jdbc.queryForObject("select count(*) from tuple_entry where source = 'lane-runner'"
                + " and data like ? and data like '%declined%'", Long.class, "%" + taskId + "%");
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
