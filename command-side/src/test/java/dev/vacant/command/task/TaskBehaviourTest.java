package dev.vacant.command.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.task.TaskCommands.ExpireTaskLeaseCommand;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskCommands.ResolveDependenciesCommand;
import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.SubmitTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.command.task.TaskControl.ChangeControlModeCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.custody.NodeKeyCustody;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.ControlChangedEvent;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.Decomposition;
import dev.vacant.kernel.task.GateSettings;
import dev.vacant.kernel.task.Intensity;
import dev.vacant.kernel.task.PreflightGate;
import dev.vacant.kernel.task.RequeueBound;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.SpendingLimit;
import dev.vacant.kernel.task.TaskId;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.kernel.task.skill.BuiltInSkills;
import dev.vacant.kernel.task.skill.SkillRegistry;
import dev.vacant.kernel.time.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Task and TaskControl aggregates and submission through a real Axon configuration: the gate and HALT, signed
 * chains, leases, idempotent results, reviews, rewards.
 */
class TaskBehaviourTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Actor ALICE = new Actor("alice", Role.CONTROLLER);
    private static final Actor OPERATOR = new Actor("ops", Role.OPERATOR);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    private final Ed25519KeyPair nodePair = Ed25519.generate(new SecureRandom());
    private final LogbookSigner nodeSigner = new KeyPairSigner(NodeId.of(nodePair.publicKey()), nodePair.privateSeed());
    private final NodeKeyCustody node = () -> nodeSigner;
    private final String assignee = custody.create().value();
    private final PreflightGate gate = new PreflightGate(new GateSettings(Set.of("gpt-x"), 10_000_000, 1_024, true,
            Set.of("wc")));
    private final TaskContext ctx = new TaskContext(node, custody, clock, new RequeueBound(2), gate,
            new SpendingLimit(20_000_000), new SkillRegistry(BuiltInSkills.all(), 1000));
    private final Map<String, Long> committed = new HashMap<>();
    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .registerComponent(TaskContext.class, c -> ctx)
            .configureAggregate(Task.class)
            .configureAggregate(TaskControl.class)
            .registerCommandHandler(c -> new TaskCommandHandlers(c.repository(Task.class),
                    c.repository(TaskControl.class), c.eventStore(),
                    submitter -> committed.getOrDefault(submitter, 0L), ctx))
            .buildConfiguration();

    {
        axon.start();
    }

    @AfterEach
    void close() {
        axon.shutdown();
    }

    @Test
    void approvedTask_isSignedByTheNodeForDecisions_andByTheAssigneeForItsWork_andRewardsItOnce() {
        String id = submit(spec(assignee, 5_000_000));
        send(new TakeTaskCommand(id, "worker-1", LEASE));
        send(new RecordTaskResultCommand(id, 1, "done", 1_250_000, 10, 20));
        TaskCommandResult approved = send(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "ok"));

        assertThat(approved.state()).isEqualTo(TaskState.APPROVED);
        assertThat(kinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTED", "REVIEWED", "REWARD_GRANTED");
        assertThat(chain(id).stream().map(e -> e.body().signer()).toList()).containsExactly(
                nodeSigner.signerId(), nodeSigner.signerId(), assignee, assignee, nodeSigner.signerId());
        assertThat(ChainVerifier.verify(id, chain(id))).isEmpty();
        LogbookEntry reward = chain(id).get(4);
        assertThat(reward.body().payload().get("identity").asText()).isEqualTo(assignee);
        assertThat(reward.body().payload().get("amount_micros").asLong()).isEqualTo(1_000_000);

        send(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "redelivered"));
        assertThat(kinds(id)).filteredOn("REWARD_GRANTED"::equals).hasSize(1);
    }

    @Test
    void tamperedTaskEntry_isReportedByTheVerifier() {
        String id = submit(spec(assignee, 5_000_000));
        send(new TakeTaskCommand(id, "worker-1", LEASE));
        LogbookEntry taken = chain(id).get(1);
        taken.body().payload().put("worker", "someone-else");

        assertThat(ChainVerifier.verify(id, List.of(chain(id).get(0), taken)))
                .extracting(f -> f.reason()).contains(VerificationFailureReason.BAD_SIGNATURE);
    }

    @Test
    void submission_isRejectedWithTheGateReason_orBlockedOnAPendingDependency_orQueued() {
        String rejected = submit(new TaskSpec("hi", TaskMode.LLM, null, "gpt-y", 0, 1, Intensity.LOW, null, false,
                false, null, null));
        assertThat(state(rejected)).isEqualTo(TaskState.REJECTED);
        assertThat(chain(rejected).get(0).body().payload().get("reason").asText()).isEqualTo("MODEL_NOT_ALLOWED");
        String queued = submit(spec(assignee, 5_000_000));
        assertThat(state(queued)).isEqualTo(TaskState.QUEUED);
        assertThat(chain(queued).get(0).body().payload().get("spec").get("max_budget_micros").asLong())
                .isEqualTo(5_000_000);
        assertThat(chain(queued).get(0).body().payload().get("submitter").asText()).isEqualTo("alice");
        String blocked = submit(new TaskSpec("next", TaskMode.LLM, null, "gpt-x", 0, 1, Intensity.LOW, List.of(queued),
                false, false, null, null));
        assertThat(state(blocked)).isEqualTo(TaskState.BLOCKED);
    }

    @Test
    void blockedTask_waitsUntilEveryDependencyIsApproved_thenIsQueued() {
        String first = approved(submit(spec(assignee, 5_000_000)));
        String second = submit(spec(assignee, 5_000_000));
        String dependant = submit(dependingOn(first, second));

        assertThat(send(new ResolveDependenciesCommand(dependant)).state()).isEqualTo(TaskState.BLOCKED);
        approved(second);
        assertThat(send(new ResolveDependenciesCommand(dependant)).state()).isEqualTo(TaskState.QUEUED);
        assertThat(send(new ResolveDependenciesCommand(dependant)).state()).isEqualTo(TaskState.QUEUED);

        assertThat(kinds(dependant)).containsExactly("SUBMITTED", "UNBLOCKED");
        assertThat(chain(dependant).get(1).body().signer()).isEqualTo(nodeSigner.signerId());
    }

    @Test
    void blockedTask_failsWithItsFailedDependency_namingIt() {
        String failing = submit(spec(assignee, 1_000_000));
        String dependant = submit(dependingOn(failing));
        send(new TakeTaskCommand(failing, "w", LEASE));
        send(new RecordTaskResultCommand(failing, 1, "costly", 2_000_000, 1, 1));

        assertThat(send(new ResolveDependenciesCommand(dependant)).state()).isEqualTo(TaskState.FAILED);
        LogbookEntry failed = chain(dependant).get(1);
        assertThat(failed.kind()).isEqualTo("DEPENDENCY_FAILED");
        assertThat(failed.body().payload().get("dependency").asText()).isEqualTo(failing);
    }

    @Test
    void taskDependingOnARejectedTask_waitsBlocked_thenFailsNamingIt() {
        String rejected = submit(new TaskSpec("hi", TaskMode.LLM, null, "gpt-unlisted", 0, 1, Intensity.LOW, null,
                false, false, null, null));
        String dependant = submit(dependingOn(rejected));
        assertThat(state(dependant)).isEqualTo(TaskState.BLOCKED);

        assertThat(send(new ResolveDependenciesCommand(dependant)).state()).isEqualTo(TaskState.FAILED);
        assertThat(chain(dependant).get(1).body().payload().get("dependency").asText()).isEqualTo(rejected);
    }

    @Test
    void submission_recordsTheToolFirstRoute_aSkillAboveTheThreshold_elseTheLlm_andLocalForCommands() {
        String tool = submit(new TaskSpec("Validate this JSON: {\"a\": 1}", TaskMode.LLM, null, "gpt-x", 0, 1,
                Intensity.LOW, null, false, false, null, null));
        String llm = submit(spec(assignee, 5_000_000));
        String local = submit(new TaskSpec("count", TaskMode.LOCAL, List.of("wc", "-w"), null, 0, 1, Intensity.LOW,
                null, false, false, null, null));

        assertThat(chain(tool).get(0).body().payload().get("route").toString())
                .isEqualTo("{\"tool_route\":\"tool\",\"tool_name\":\"json.validate\",\"tool_confidence_milli\":1000}");
        assertThat(chain(llm).get(0).body().payload().get("route").toString()).isEqualTo("{\"tool_route\":\"llm\"}");
        assertThat(chain(local).get(0).body().payload().get("route").toString()).isEqualTo("{\"tool_route\":\"local\"}");
    }

    @Test
    void submission_pastTheControllersSpendingLimit_isRejectedWithBudgetExceeded() {
        committed.put("alice", 15_000_000L);
        assertThat(state(submit(spec(assignee, 5_000_000)))).isEqualTo(TaskState.QUEUED);

        String over = submit(spec(assignee, 5_000_001));

        assertThat(state(over)).isEqualTo(TaskState.REJECTED);
        assertThat(chain(over).get(0).body().payload().get("reason").asText()).isEqualTo("BUDGET_EXCEEDED");
    }

    @Test
    void submission_dependingOnAnUnknownTaskOrItself_isRefused_andWritesNothing() {
        String id = TaskId.of(UUID.randomUUID()).value();
        String unknown = TaskId.of(UUID.randomUUID()).value();
        for (String dependency : List.of(unknown, id)) {
            TaskSpec spec = new TaskSpec("x", TaskMode.LLM, null, "gpt-x", 0, 1, Intensity.LOW, List.of(dependency),
                    false, false, null, null);
            assertThatThrownBy(() -> send(new SubmitTaskCommand(id, ALICE, spec)))
                    .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code())
                            .isIn(ErrorCode.NOT_FOUND, ErrorCode.VALIDATION_FAILED));
        }
        assertThat(axon.eventStore().readEvents(id).asStream()).isEmpty();
    }

    @Test
    void halt_rejectsNewTasksWithHalted_pauseStillAccepts_resumeRestores_andOnlyAnOperatorSwitches() {
        assertThatThrownBy(() -> control(ALICE, ControlMode.HALTED))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));

        assertThat(control(OPERATOR, ControlMode.HALTED))
                .isEqualTo(ControlMode.HALTED);
        String halted = submit(spec(assignee, 5_000_000));
        assertThat(chain(halted).get(0).body().payload().get("reason").asText()).isEqualTo("HALTED");
        control(OPERATOR, ControlMode.PAUSED);
        assertThat(state(submit(spec(assignee, 5_000_000)))).isEqualTo(TaskState.QUEUED);
        control(OPERATOR, ControlMode.RUNNING);
        control(OPERATOR, ControlMode.RUNNING);

        List<LogbookEntry> control = axon.eventStore().readEvents(TaskControl.ID).asStream()
                .map(m -> ((ControlChangedEvent) m.getPayload()).entry()).toList();
        assertThat(control).extracting(LogbookEntry::kind).containsExactly("HALT", "PAUSE", "RESUME");
        assertThat(control.get(0).body().payload().get("operator").asText()).isEqualTo("ops");
        assertThat(ChainVerifier.verify(TaskControl.ID, control)).isEmpty();
    }

    @Test
    void rejectedTask_cannotBeTaken_andNothingIsWritten() {
        control(OPERATOR, ControlMode.HALTED);
        String id = submit(spec(assignee, 5_000_000));

        assertThatThrownBy(() -> send(new TakeTaskCommand(id, "worker-1", LEASE)))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
        assertThat(kinds(id)).containsExactly("SUBMITTED");
    }

    @Test
    void lapsedLease_queuesTheTaskAgain_andOnlyTheFirstResultOfTheAttemptIsRecorded() {
        String id = submit(spec(assignee, 5_000_000));
        send(new TakeTaskCommand(id, "worker-dead", LEASE));
        clock.advance(Duration.ofSeconds(29));
        assertThat(send(new ExpireTaskLeaseCommand(id, 1)).state()).isEqualTo(TaskState.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(send(new ExpireTaskLeaseCommand(id, 1)).state()).isEqualTo(TaskState.QUEUED);

        send(new TakeTaskCommand(id, "worker-2", LEASE));
        send(new RecordTaskResultCommand(id, 1, "first", 100, 1, 1));
        TaskCommandResult again = send(new RecordTaskResultCommand(id, 1, "second", 100, 1, 1));

        assertThat(again.state()).isEqualTo(TaskState.PENDING_REVIEW);
        assertThat(kinds(id)).containsExactly("SUBMITTED", "TAKEN", "LEASE_EXPIRED", "TAKEN", "EXECUTED");
        assertThat(chain(id).get(4).body().payload().get("output").asText()).isEqualTo("first");
    }

    @Test
    void requeue_queuesTheNextAttempt_untilTheBoundFailsTheTask() {
        String id = submit(spec(assignee, 5_000_000));
        send(new TakeTaskCommand(id, "w", LEASE));
        send(new RecordTaskResultCommand(id, 1, "meh", 100, 1, 1));
        TaskCommandResult requeued = send(new ReviewTaskCommand(id, 1, ReviewVerdict.REQUEUED, "too short"));
        assertThat(requeued.state()).isEqualTo(TaskState.QUEUED);
        assertThat(requeued.attempt()).isEqualTo(2);

        send(new TakeTaskCommand(id, "w", LEASE));
        send(new RecordTaskResultCommand(id, 2, "meh again", 100, 1, 1));
        TaskCommandResult failed = send(new ReviewTaskCommand(id, 2, ReviewVerdict.REQUEUED, "still short"));

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        LogbookEntry verdict = chain(id).get(chain(id).size() - 1);
        assertThat(verdict.body().payload().get("verdict").asText()).isEqualTo("FAILED");
        assertThat(verdict.body().payload().get("reason").asText()).isEqualTo(RequeueBound.ATTEMPTS_SPENT);
        assertThat(kinds(id)).doesNotContain("REWARD_GRANTED");
    }

    @Test
    void resultOverTheMaxBudget_failsTheTask_withBudgetExceeded_andRewardsNobody() {
        String id = submit(spec(assignee, 1_000_000));
        send(new TakeTaskCommand(id, "w", LEASE));

        TaskCommandResult failed = send(new RecordTaskResultCommand(id, 1, "costly", 1_000_001, 1, 1));

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        LogbookEntry entry = chain(id).get(2);
        assertThat(entry.kind()).isEqualTo("EXECUTION_FAILED");
        assertThat(entry.body().payload().get("reason").asText()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(entry.body().signer()).isEqualTo(nodeSigner.signerId());
    }

    @Test
    void costsOfEveryAttempt_addUp_againstTheMaxBudget() {
        String id = submit(spec(assignee, 1_000_000));
        send(new TakeTaskCommand(id, "w", LEASE));
        send(new RecordTaskResultCommand(id, 1, "short", 600_000, 1, 1));
        send(new ReviewTaskCommand(id, 1, ReviewVerdict.REQUEUED, "too short"));
        send(new TakeTaskCommand(id, "w", LEASE));

        TaskCommandResult failed = send(new RecordTaskResultCommand(id, 2, "longer", 400_001, 1, 1));

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(kinds(id)).endsWith("EXECUTION_FAILED");
    }

    @Test
    void resultOfAnotherAttempt_isAConflict() {
        String id = submit(spec(assignee, 1_000_000));
        send(new TakeTaskCommand(id, "w", LEASE));

        assertThatThrownBy(() -> send(new RecordTaskResultCommand(id, 2, "x", 1, 1, 1)))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(kinds(id)).containsExactly("SUBMITTED", "TAKEN");
    }

    @Test
    void decomposedTask_submitsItsChainedSubtasks_theParentWaitingOnThem_theFirstQueued_theRestBlocked() {
        String parent = submit(steps("1. Validate this JSON: {\"a\": 1}\n2. Summarise it\n3. Count the words"));

        List<String> subtasks = subtasks(parent);
        assertThat(subtasks).hasSize(3);
        assertThat(state(parent)).isEqualTo(TaskState.BLOCKED);
        assertThat(subtasks).extracting(this::state)
                .containsExactly(TaskState.QUEUED, TaskState.BLOCKED, TaskState.BLOCKED);
        assertThat(chain(parent).get(0).body().payload().has("route")).isFalse();
        for (int i = 0; i < subtasks.size(); i++) {
            LogbookEntry submitted = chain(subtasks.get(i)).get(0);
            assertThat(submitted.body().signer()).isEqualTo(nodeSigner.signerId());
            assertThat(submitted.body().payload().get("parent").asText()).isEqualTo(parent);
            assertThat(submitted.body().payload().get("spec").get("depends_on").toString())
                    .isEqualTo(i == 0 ? "[]" : "[\"" + subtasks.get(i - 1) + "\"]");
            assertThat(ChainVerifier.verify(subtasks.get(i), chain(subtasks.get(i)))).isEmpty();
        }
        assertThat(chain(subtasks.get(0)).get(0).body().payload().get("route").get("tool_name").asText())
                .isEqualTo("json.validate");
    }

    @Test
    void decomposition_isDeterministic_theSamePromptGivesTheSameSubtasks() {
        String prompt = "Do these:\n- Fetch the page\n- Count its words";
        List<String> first = subtasks(submit(steps(prompt)));
        List<String> second = subtasks(submit(steps(prompt)));

        assertThat(first).extracting(id -> chain(id).get(0).body().payload().get("spec").get("prompt").asText())
                .containsExactly("Fetch the page", "Count its words");
        assertThat(second).extracting(id -> chain(id).get(0).body().payload().get("spec").get("prompt").asText())
                .containsExactly("Fetch the page", "Count its words");
    }

    @Test
    void decomposedParent_isApprovedOnlyWhenEverySubtaskIs_signedByTheNode_andRewardsNothingItself() {
        String parent = submit(steps("1. Fetch\n2. Count"));
        List<String> subtasks = subtasks(parent);

        approved(subtasks.get(0));
        assertThat(send(new ResolveDependenciesCommand(parent)).state()).isEqualTo(TaskState.BLOCKED);
        assertThat(send(new ResolveDependenciesCommand(subtasks.get(1))).state()).isEqualTo(TaskState.QUEUED);
        approved(subtasks.get(1));
        assertThat(send(new ResolveDependenciesCommand(parent)).state()).isEqualTo(TaskState.APPROVED);
        assertThat(send(new ResolveDependenciesCommand(parent)).state()).isEqualTo(TaskState.APPROVED);

        assertThat(kinds(parent)).containsExactly("SUBMITTED", "SUBTASKS_APPROVED");
        assertThat(chain(parent).get(1).body().signer()).isEqualTo(nodeSigner.signerId());
        assertThat(ChainVerifier.verify(parent, chain(parent))).isEmpty();
        assertThat(subtasks).allSatisfy(id -> assertThat(kinds(id)).contains("REWARD_GRANTED"));
    }

    @Test
    void decomposedParent_failsWithTheFirstFailedSubtask_andTheSubtasksAfterItFailToo() {
        String parent = submit(steps("1. Fetch\n2. Count\n3. Sum"));
        List<String> subtasks = subtasks(parent);
        send(new TakeTaskCommand(subtasks.get(0), "w", LEASE));
        send(new RecordTaskResultCommand(subtasks.get(0), 1, "costly", 5_000_000, 1, 1));

        assertThat(send(new ResolveDependenciesCommand(parent)).state()).isEqualTo(TaskState.FAILED);
        assertThat(chain(parent).get(1).kind()).isEqualTo("DEPENDENCY_FAILED");
        assertThat(chain(parent).get(1).body().payload().get("dependency").asText()).isEqualTo(subtasks.get(0));
        assertThat(send(new ResolveDependenciesCommand(subtasks.get(1))).state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void decomposedTask_withAPendingDependency_blocksItsFirstSubtaskOnIt() {
        String dependency = submit(spec(assignee, 5_000_000));
        String parent = submit(new TaskSpec("1. Fetch\n2. Count", TaskMode.LLM, null, "gpt-x", 0, 2,
                Intensity.LOW, List.of(dependency), false, false, null, null));

        String first = subtasks(parent).get(0);
        assertThat(state(first)).isEqualTo(TaskState.BLOCKED);
        assertThat(send(new ResolveDependenciesCommand(first)).state()).isEqualTo(TaskState.BLOCKED);
        approved(dependency);
        assertThat(send(new ResolveDependenciesCommand(first)).state()).isEqualTo(TaskState.QUEUED);
    }

    @Test
    void rejectedTask_isNotDecomposed() {
        control(OPERATOR, ControlMode.HALTED);

        TaskSpec decomposable = steps("1. Fetch\n2. Count");
        String parent = submit(decomposable);

        assertThat(state(parent)).isEqualTo(TaskState.REJECTED);
        assertThat(chain(parent).get(0).body().payload().has("subtasks")).isFalse();
        assertThat(Decomposition.subtasks(parent, decomposable)).hasSize(2).allSatisfy(subtask ->
                assertThat(axon.eventStore().readEvents(subtask.id()).asStream()).isEmpty());
    }

    private static TaskSpec dependingOn(String... dependencies) {
        return new TaskSpec("then this", TaskMode.LLM, null, "gpt-x", 0, 1, Intensity.LOW, List.of(dependencies), false,
                false, null, null);
    }

    /** Runs {@code id} through one approved attempt. */
    private String approved(String id) {
        send(new TakeTaskCommand(id, "w", LEASE));
        send(new RecordTaskResultCommand(id, 1, "done", 1, 1, 1));
        send(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "ok"));
        return id;
    }

    /** A task whose prompt lists steps (so it is decomposed), budgets 2 and 3 units, for the assignee. */
    private TaskSpec steps(String prompt) {
        return new TaskSpec(prompt, TaskMode.LLM, null, "gpt-x", 2_000_000, 3_000_000, Intensity.LOW, null, false,
                false, null, assignee);
    }

    /** The subtasks a decomposed parent's SUBMITTED entry names, in order. */
    private List<String> subtasks(String parent) {
        List<String> ids = new ArrayList<>();
        chain(parent).get(0).body().payload().get("subtasks").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static TaskSpec spec(String assignee, long maxBudget) {
        return new TaskSpec("Summarise the note", TaskMode.LLM, null, "gpt-x", 1_000_000, maxBudget, Intensity.LOW,
                null, false, false, null, assignee);
    }

    private String submit(TaskSpec spec) {
        String id = TaskId.of(UUID.randomUUID()).value();
        send(new SubmitTaskCommand(id, ALICE, spec));
        return id;
    }

    private TaskCommandResult send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    private ControlMode control(Actor actor, ControlMode mode) {
        return axon.commandGateway().sendAndWait(new ChangeControlModeCommand(TaskControl.ID, actor, mode));
    }

    private TaskState state(String id) {
        return ((TaskEvent) axon.eventStore().readEvents(id).asStream().reduce((a, b) -> b).orElseThrow().getPayload())
                .recordedState();
    }

    private List<LogbookEntry> chain(String id) {
        return axon.eventStore().readEvents(id).asStream().map(m -> ((TaskEvent) m.getPayload()).entry()).toList();
    }

    private List<String> kinds(String id) {
        return chain(id).stream().map(LogbookEntry::kind).toList();
    }
}
