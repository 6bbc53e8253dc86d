package dev.vacant.command.tuple.runner;

import dev.vacant.command.tuple.lane.ExecutionLane;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.lane.LaneResult;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tuples of the execution lanes: per lane, a taker thread sends a blocking {@code in} (any tuple, waiting
 * up to {@code pollTimeout}) through the {@link TupleGateway}, like every other client, as {@link #AUTHORITY},
 * whenever fewer of the lane's tasks are in flight than its current adaptive concurrency. A taken tuple runs on
 * its {@link ExecutionLane}, told the lane's backlog (the tuples still waiting: the concurrency policy adapts to
 * them); its output or failure is written back by an {@code out} ({@link TaskResults}), so
 * no taken task ends without a result tuple (or, if even that write is refused, an error log carrying it).
 * <p>
 * A take whose reply is lost (the gateway answers {@code INTERNAL}) or that is refused is sent again with the
 * same op id after {@code pollTimeout}: a tuple handed to it in the meantime is answered from the stored reply.
 * {@link #stop()} never interrupts a take (an abandoned take could still be handed a tuple): it lets every
 * pending take come back, runs what they took, and waits for the results to be written, at most
 * {@code stopTimeout} in all. The transport must be running meanwhile: the application starts the runner after
 * the transport and stops it before.
 */
public final class LaneRunner {

    /** The capability of the runner: hook it into the wall of a guarded execution or results lane. */
    public static final String CAPABILITY = "lane-runner";
    /** The runner's authority: a reserved vacant id (the all-zero key, controlled by no one) and its capability. */
    public static final Authority AUTHORITY = new Authority(VacantId.of(new byte[32]), Set.of(CAPABILITY));

    private static final Logger log = LoggerFactory.getLogger(LaneRunner.class);
    private static final int RESULT_ATTEMPTS = 3;

    private final List<String> lanes;
    private final Authority authority;
    private final ExecutionLanes executionLanes;
    private final TupleGateway gateway;
    private final Supplier<String> opIds;
    private final ToIntFunction<String> backlog;
    private final Duration pollTimeout;
    private final Duration stopTimeout;
    private final ExecutorService takers;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final List<Future<?>> loops = new ArrayList<>();
    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);

    /**
     * @param lanes          the execution lanes to run
     * @param executionLanes runs the tasks
     * @param gateway        takes the tasks and writes the results
     * @param opIds          fresh op ids for the takes
     * @param backlog        counts the tuples waiting on a lane
     * @param pollTimeout    how long one take waits for a tuple (and the pause after a failed take)
     * @param stopTimeout    the longest {@link #stop()} waits for pending takes and running tasks
     * @param takers         runs one taker per lane (needs a thread per lane)
     */
    public LaneRunner(List<String> lanes, ExecutionLanes executionLanes, TupleGateway gateway, Supplier<String> opIds,
                      ToIntFunction<String> backlog, Duration pollTimeout, Duration stopTimeout,
                      ExecutorService takers) {
        this(lanes, AUTHORITY, executionLanes, gateway, opIds, backlog, pollTimeout, stopTimeout, takers);
    }

    /**
     * A runner that takes as {@code authority} instead of {@link #AUTHORITY}: a composite child's runner takes from
     * its delegation lane as the child, since a composite lane's wall admits only its tree.
     */
    public LaneRunner(List<String> lanes, Authority authority, ExecutionLanes executionLanes, TupleGateway gateway,
                      Supplier<String> opIds, ToIntFunction<String> backlog, Duration pollTimeout,
                      Duration stopTimeout, ExecutorService takers) {
        this.lanes = List.copyOf(lanes);
        this.authority = authority;
        this.executionLanes = executionLanes;
        this.gateway = gateway;
        this.opIds = opIds;
        this.backlog = backlog;
        this.pollTimeout = pollTimeout;
        this.stopTimeout = stopTimeout;
        this.takers = takers;
    }

    /** Starts one taker per lane; a second call does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        for (String lane : lanes) {
            ExecutionLane execution = executionLanes.lane(lane);
            InFlight tasks = new InFlight(() -> execution.metrics().concurrency());
            inFlight.put(lane, tasks);
            loops.add(takers.submit(() -> take(lane, execution, tasks)));
        }
    }

    /** Lets the pending takes come back and their tasks finish, at most {@code stopTimeout}; then returns. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopSignal.countDown();
        inFlight.values().forEach(InFlight::wake);
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        try {
            for (Future<?> loop : loops) {
                loop.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            for (Map.Entry<String, InFlight> lane : inFlight.entrySet()) {
                int left = lane.getValue().awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (left > 0) {
                    log.warn("{} tasks of lane {} were still running after {}", left, lane.getKey(), stopTimeout);
                }
            }
        } catch (TimeoutException e) {
            log.warn("A take of the lane runner had not come back after {}", stopTimeout);
        } catch (ExecutionException e) {
            log.error("A lane runner's taker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.clear();
        inFlight.clear();
    }

    public boolean isRunning() {
        return running;
    }

    private void take(String lane, ExecutionLane execution, InFlight tasks) {
        TupleOp.In take = nextTake(lane);
        try {
            while (tasks.acquire(this::isRunning)) {
                Optional<TaskTuple> taken;
                try {
                    taken = gateway.request(take).as(TupleResult.Single.class).found().map(TaskTuple::of);
                } catch (RuntimeException e) {
                    tasks.release();
                    log.warn("Taking a task from lane {} failed ({}); op {} is sent again", lane, e, take.opId());
                    stopSignal.await(pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                take = nextTake(lane);
                execution.backlog(taken.isPresent() ? backlog.applyAsInt(lane) : 0);
                taken.ifPresentOrElse(task -> run(execution, task, tasks), tasks::release);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TupleOp.In nextTake(String lane) {
        return new TupleOp.In(opIds.get(), lane, authority, Template.ANY, pollTimeout.toMillis());
    }

    private void run(ExecutionLane execution, TaskTuple task, InFlight tasks) {
        CompletableFuture.completedFuture(task.task()).thenCompose(execution::execute)
                .whenComplete((result, failure) -> {
                    try {
                        write(failure == null ? success(task, result) : failure(task, failure));
                    } finally {
                        tasks.release();
                    }
                });
    }

    private static TupleOp.Out success(TaskTuple task, LaneResult result) {
        try {
            return TaskResults.success(task, result);
        } catch (VacantException unfit) {
            return TaskResults.failure(task, TaskError.of(unfit));
        }
    }

    private static TupleOp.Out failure(TaskTuple task, Throwable failure) {
        TaskError error = TaskError.of(failure);
        if (error.code() == ErrorCode.INTERNAL) {
            log.warn("Task {} ({}) on lane {} failed", task.id(), task.yool(), task.lane(), failure);
        }
        return TaskResults.failure(task, error);
    }

    /**
     * Writes a result; a write without a reply is sent again with the same op id (applied once), at most
     * {@value #RESULT_ATTEMPTS} times; a refusal is logged with the result.
     */
    private void write(TupleOp.Out result) {
        for (int attempt = 1; attempt <= RESULT_ATTEMPTS; attempt++) {
            try {
                gateway.request(result);
                return;
            } catch (RuntimeException e) {
                boolean refused = e instanceof VacantException rejected && rejected.code() != ErrorCode.INTERNAL;
                if (refused || attempt == RESULT_ATTEMPTS) {
                    log.error("The result of task {} could not be written to lane {} ({}): {}", result.parentId(),
                            result.lane(), e, Json.write(result.data()));
                    return;
                }
            }
        }
    }
}
