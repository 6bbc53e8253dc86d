package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.grpc.tasks.v1.ControlRequest;
import dev.vacant.grpc.tasks.v1.GetRequest;
import dev.vacant.grpc.tasks.v1.ListRequest;
import dev.vacant.grpc.tasks.v1.RewardBalance;
import dev.vacant.grpc.tasks.v1.RewardsRequest;
import dev.vacant.grpc.tasks.v1.SubmitRequest;
import dev.vacant.grpc.tasks.v1.TaskAccepted;
import dev.vacant.grpc.tasks.v1.TasksGrpc;
import dev.vacant.grpc.tasks.v1.TransitionTable;
import dev.vacant.grpc.tasks.v1.TransitionsRequest;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.support.Polling;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vacant.tasks.v1.Tasks} through a real grpc-java client on loopback, on real PostgreSQL. */
class TasksGrpcTest extends GrpcApiTestBase {

    private TasksGrpc.TasksBlockingStub tasks(String token) {
        return GrpcClients.withToken(TasksGrpc.newBlockingStub(channel), token);
    }

    @AfterEach
    void resume() {
        tasks(operator).resume(ControlRequest.getDefaultInstance());
    }

    private static SubmitRequest task(String model) {
        return SubmitRequest.newBuilder().setPrompt("Summarise the release notes").setMode("llm").setModel(model)
                .setMinBudgetMicros(0).setMaxBudgetMicros(1).build();
    }

    @Test
    void transitions_arePublic_whileEveryOtherCallNeedsAToken() {
        TransitionTable table = tasks(null).transitions(TransitionsRequest.getDefaultInstance());

        assertThat(table.getCellsList()).hasSize(88).anySatisfy(cell -> {
            assertThat(cell.getState()).isEqualTo("QUEUED");
            assertThat(cell.getValid()).isTrue();
            assertThat(cell.getNext()).isNotEmpty();
        });
        assertThat(table.getPredicatesList()).anySatisfy(predicates -> {
            assertThat(predicates.getState()).isEqualTo("QUEUED");
            assertThat(predicates.getIsTakeable()).isTrue();
            assertThat(predicates.getIsFinal()).isFalse();
        });
        assertFails(() -> tasks(null).submit(task("test-model")), Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertFails(() -> tasks("vat_nonsense").get(GetRequest.newBuilder().setId("task_x").build()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
    }

    @Test
    void submittedTask_isQueued_thenReadByIdAndListedByState() {
        TaskAccepted accepted = tasks(aliceToken).submit(task("test-model"));

        assertThat(accepted.getId()).startsWith("task_");
        assertThat(accepted.getState()).isEqualTo("QUEUED");
        assertThat(accepted.getHash()).isNotEmpty();
        GetRequest get = GetRequest.newBuilder().setId(accepted.getId()).build();
        Polling.awaitUntil("the task is projected", Duration.ofSeconds(30), () -> {
            try {
                return tasks(aliceToken).get(get).getState().equals("QUEUED");
            } catch (StatusRuntimeException notYet) {
                return false;
            }
        });
        assertThat(tasks(aliceToken).get(get).getSubmitter()).isEqualTo(alice);
        assertThat(tasks(aliceToken).get(get).getMaxBudgetMicros()).isEqualTo(1);
        assertThat(tasks(aliceToken).list(ListRequest.newBuilder().setState("QUEUED").setLimit(1000).build())
                .getItemsList()).anySatisfy(row -> assertThat(row.getId()).isEqualTo(accepted.getId()));
    }

    @Test
    void decomposedTask_answersItsSubtasks_andEachNamesItsParent() {
        TaskAccepted parent = tasks(aliceToken).submit(task("test-model").toBuilder()
                .setPrompt("Fetch the page. Count its words. Sum them.").setDecompose(true).setMaxSubtasks(2).build());

        assertThat(parent.getState()).isEqualTo("BLOCKED");
        assertThat(parent.getSubtasksList()).hasSize(2);
        GetRequest second = GetRequest.newBuilder().setId(parent.getSubtasks(1)).build();
        Polling.awaitUntil("the subtask is projected", Duration.ofSeconds(30), () -> {
            try {
                return tasks(aliceToken).get(second).getParent().equals(parent.getId());
            } catch (StatusRuntimeException notYet) {
                return false;
            }
        });
        assertThat(tasks(aliceToken).get(GetRequest.newBuilder().setId(parent.getId()).build()).getSubtasksList())
                .isEqualTo(parent.getSubtasksList());
    }

    @Test
    void badRequests_areInvalidArgument_andUnknownTasksNotFound() {
        long before = storedEvents();

        assertFails(() -> tasks(aliceToken).submit(task("test-model").toBuilder().clearPrompt().build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tasks(aliceToken).submit(task("test-model").toBuilder().setMode("shell").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tasks(aliceToken).list(ListRequest.newBuilder().setState("QUEUED").setLimit(0).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tasks(aliceToken).list(ListRequest.getDefaultInstance()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tasks(aliceToken).get(GetRequest.newBuilder().setId("not-a-task").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tasks(aliceToken).get(GetRequest.newBuilder()
                .setId("task_00000000-0000-0000-0000-000000000000").build()), Status.Code.NOT_FOUND, "NOT_FOUND");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void gateRejection_isFailedPrecondition_withItsCode_andTheRejectedTasksId() {
        StatusRuntimeException rejected = assertFails(() -> tasks(aliceToken).submit(task("gpt-unlisted")),
                Status.Code.FAILED_PRECONDITION, "MODEL_NOT_ALLOWED");

        String id = GrpcClients.errorInfo(rejected).orElseThrow().getMetadataMap().get("task_id");
        assertThat(id).startsWith("task_");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void halt_refusesSubmissionsUnavailable_pauseAccepts_resumeRestores_andOnlyOperatorsSwitch() {
        long before = storedEvents();
        assertFails(() -> tasks(aliceToken).halt(ControlRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(tasks(operator).halt(ControlRequest.getDefaultInstance()).getMode()).isEqualTo("HALTED");
        assertFails(() -> tasks(aliceToken).submit(task("test-model")), Status.Code.UNAVAILABLE, "HALTED");

        assertThat(tasks(operator).pause(ControlRequest.getDefaultInstance()).getMode()).isEqualTo("PAUSED");
        assertThat(tasks(aliceToken).submit(task("test-model")).getState()).isEqualTo("QUEUED");
        assertThat(tasks(operator).resume(ControlRequest.getDefaultInstance()).getMode()).isEqualTo("RUNNING");
    }

    @Test
    void rewards_answerTheLedgersBalanceAndGrants_forAValidVacantId() {
        String vacant = vacants(operator).genesis(genesis(alice, "read")).getId();
        jdbc.update("insert into reward_grant (task_id, identity, amount_micros, granted_at) values (?, ?, ?, ?)",
                "task_00000000-0000-0000-0000-00000000000a", vacant, 250L, Timestamp.from(clock.instant()));

        RewardBalance balance = tasks(bobToken).rewards(RewardsRequest.newBuilder().setVacant(vacant).build());

        assertThat(balance.getIdentity()).isEqualTo(vacant);
        assertThat(balance.getBalanceMicros()).isEqualTo(250);
        assertThat(balance.getGrantsList()).singleElement().satisfies(grant -> {
            assertThat(grant.getTaskId()).isEqualTo("task_00000000-0000-0000-0000-00000000000a");
            assertThat(grant.getAmountMicros()).isEqualTo(250);
        });
        assertFails(() -> tasks(bobToken).rewards(RewardsRequest.newBuilder().setVacant("nope").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
    }
}
