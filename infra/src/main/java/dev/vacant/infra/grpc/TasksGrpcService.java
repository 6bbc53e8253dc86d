package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.grpc.tasks.v1.ControlRequest;
import dev.vacant.grpc.tasks.v1.ControlState;
import dev.vacant.grpc.tasks.v1.GetRequest;
import dev.vacant.grpc.tasks.v1.ListRequest;
import dev.vacant.grpc.tasks.v1.RewardBalance;
import dev.vacant.grpc.tasks.v1.RewardsRequest;
import dev.vacant.grpc.tasks.v1.SubmitRequest;
import dev.vacant.grpc.tasks.v1.Task;
import dev.vacant.grpc.tasks.v1.TaskAccepted;
import dev.vacant.grpc.tasks.v1.TaskList;
import dev.vacant.grpc.tasks.v1.TasksGrpc;
import dev.vacant.grpc.tasks.v1.TransitionTable;
import dev.vacant.grpc.tasks.v1.TransitionsRequest;
import dev.vacant.infra.web.task.TaskRequests.TaskBody;
import dev.vacant.infra.web.task.TaskService;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.TaskState;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code vacant.tasks.v1.Tasks}: the gRPC twin of the task, control and rewards REST endpoints, on {@link TaskService}. */
@Component
public class TasksGrpcService extends TasksGrpc.TasksImplBase implements GrpcApi {

    private static final int DEFAULT_LIMIT = 100;

    private final TaskService tasks;
    private final ProtoJson json;

    public TasksGrpcService(TaskService tasks, ProtoJson json) {
        this.tasks = tasks;
        this.json = json;
    }

    /** The filter of {@code List}, read like the REST query parameters (the state by name). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ListParams(TaskState state, Integer limit) {
    }

    @Override
    public Set<String> publicMethods() {
        return Set.of(TasksGrpc.getTransitionsMethod().getFullMethodName());
    }

    @Override
    public void transitions(TransitionsRequest request, StreamObserver<TransitionTable> observer) {
        reply(observer, json.write(tasks.transitions(), TransitionTable.newBuilder()));
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<TaskAccepted> observer) {
        reply(observer, json.write(tasks.submit(GrpcAuthInterceptor.actor(), json.read(request, TaskBody.class)),
                TaskAccepted.newBuilder()));
    }

    @Override
    public void get(GetRequest request, StreamObserver<Task> observer) {
        reply(observer, json.write(tasks.task(request.getId()), Task.newBuilder()));
    }

    @Override
    public void list(ListRequest request, StreamObserver<TaskList> observer) {
        ListParams params = json.read(request, ListParams.class);
        int limit = params.limit() == null ? DEFAULT_LIMIT : params.limit();
        reply(observer, json.write(Map.of("items", tasks.inState(params.state(), limit)), TaskList.newBuilder()));
    }

    @Override
    public void halt(ControlRequest request, StreamObserver<ControlState> observer) {
        control(ControlMode.HALTED, observer);
    }

    @Override
    public void pause(ControlRequest request, StreamObserver<ControlState> observer) {
        control(ControlMode.PAUSED, observer);
    }

    @Override
    public void resume(ControlRequest request, StreamObserver<ControlState> observer) {
        control(ControlMode.RUNNING, observer);
    }

    private void control(ControlMode mode, StreamObserver<ControlState> observer) {
        reply(observer, json.write(tasks.control(GrpcAuthInterceptor.actor(), mode), ControlState.newBuilder()));
    }

    @Override
    public void rewards(RewardsRequest request, StreamObserver<RewardBalance> observer) {
        reply(observer, json.write(tasks.rewards(request.getVacant()), RewardBalance.newBuilder()));
    }
}
