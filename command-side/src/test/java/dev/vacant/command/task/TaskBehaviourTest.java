package dev.vacant.command.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.task.TaskCommands.ExpireTaskLeaseCommand;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.SubmitTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.custody.KeyPairNodeKey;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.kernel.task.Intensity;
import dev.vacant.kernel.task.RequeueBound;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskEvent;
import dev.vacant.kernel.task.TaskId;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.kernel.time.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Task aggregate through a real Axon configuration: signed chains, leases, idempotent results, reviews, rewards. */
class TaskBehaviourTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    private final KeyPairNodeKey node = new KeyPairNodeKey(Ed25519.generate(new SecureRandom()));
    private final String assignee = custody.create().value();
    private final TaskContext ctx = new TaskContext(node, custody, clock, new RequeueBound(2));
    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .registerComponent(TaskContext.class, c -> ctx)
            .configureAggregate(Task.class)
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
        String id = submit(spec(assignee, 5_000_000), null, false);
        send(new TakeTaskCommand(id, "worker-1", LEASE));
        send(new RecordTaskResultCommand(id, 1, "done", 1_250_000, 10, 20));
        TaskCommandResult approved = send(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "ok"));

        assertThat(approved.state()).isEqualTo(TaskState.APPROVED);
        assertThat(kinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTED", "REVIEWED", "REWARD_GRANTED");
        assertThat(chain(id).stream().map(e -> e.body().signer()).toList()).containsExactly(
                node.signer().signerId(), node.signer().signerId(), assignee, assignee, node.signer().signerId());
        assertThat(ChainVerifier.verify(id, chain(id))).isEmpty();
        LogbookEntry reward = chain(id).get(4);
        assertThat(reward.body().payload().get("identity").asText()).isEqualTo(assignee);
        assertThat(reward.body().payload().get("amount_micros").asLong()).isEqualTo(1_000_000);

        send(new ReviewTaskCommand(id, 1, ReviewVerdict.APPROVED, "redelivered"));
        assertThat(kinds(id)).filteredOn("REWARD_GRANTED"::equals).hasSize(1);
    }

    @Test
    void tamperedTaskEntry_isReportedByTheVerifier() {
        String id = submit(spec(assignee, 5_000_000), null, false);
        send(new TakeTaskCommand(id, "worker-1", LEASE));
        LogbookEntry taken = chain(id).get(1);
        taken.body().payload().put("worker", "someone-else");

        assertThat(ChainVerifier.verify(id, List.of(chain(id).get(0), taken)))
                .extracting(f -> f.reason()).contains(VerificationFailureReason.BAD_SIGNATURE);
    }

    @Test
    void submission_isRejectedWithTheGateReason_orBlocked_orQueued() {
        assertThat(state(submit(spec(assignee, 5_000_000), "MODEL_NOT_ALLOWED", false))).isEqualTo(TaskState.REJECTED);
        assertThat(state(submit(spec(assignee, 5_000_000), null, true))).isEqualTo(TaskState.BLOCKED);
        String queued = submit(spec(assignee, 5_000_000), null, false);
        assertThat(state(queued)).isEqualTo(TaskState.QUEUED);
        assertThat(chain(queued).get(0).body().payload().get("spec").get("max_budget_micros").asLong())
                .isEqualTo(5_000_000);
    }

    @Test
    void rejectedTask_cannotBeTaken_andNothingIsWritten() {
        String id = submit(spec(assignee, 5_000_000), "HALTED", false);

        assertThatThrownBy(() -> send(new TakeTaskCommand(id, "worker-1", LEASE)))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
        assertThat(kinds(id)).containsExactly("SUBMITTED");
    }

    @Test
    void lapsedLease_queuesTheTaskAgain_andOnlyTheFirstResultOfTheAttemptIsRecorded() {
        String id = submit(spec(assignee, 5_000_000), null, false);
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
        String id = submit(spec(assignee, 5_000_000), null, false);
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
        String id = submit(spec(assignee, 1_000_000), null, false);
        send(new TakeTaskCommand(id, "w", LEASE));

        TaskCommandResult failed = send(new RecordTaskResultCommand(id, 1, "costly", 1_000_001, 1, 1));

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        LogbookEntry entry = chain(id).get(2);
        assertThat(entry.kind()).isEqualTo("EXECUTION_FAILED");
        assertThat(entry.body().payload().get("reason").asText()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(entry.body().signer()).isEqualTo(node.signer().signerId());
    }

    @Test
    void resultOfAnotherAttempt_isAConflict() {
        String id = submit(spec(assignee, 1_000_000), null, false);
        send(new TakeTaskCommand(id, "w", LEASE));

        assertThatThrownBy(() -> send(new RecordTaskResultCommand(id, 2, "x", 1, 1, 1)))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(kinds(id)).containsExactly("SUBMITTED", "TAKEN");
    }

    private static TaskSpec spec(String assignee, long maxBudget) {
        return new TaskSpec("Summarise the note", TaskMode.LLM, null, "gpt-x", 1_000_000, maxBudget, Intensity.LOW,
                null, false, false, null, assignee);
    }

    private String submit(TaskSpec spec, String rejection, boolean blocked) {
        String id = TaskId.of(UUID.randomUUID()).value();
        axon.commandGateway().sendAndWait(new SubmitTaskCommand(id, spec, rejection, blocked));
        return id;
    }

    private TaskCommandResult send(Object command) {
        return axon.commandGateway().sendAndWait(command);
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
