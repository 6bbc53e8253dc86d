package dev.vacant.infra.composite;

import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.runner.LaneRunner;
import dev.vacant.infra.tuple.LaneRunnerLifecycle;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.context.SmartLifecycle;

/**
 * The in-process runtimes of composite children on this instance: per child, a {@link LaneRunner} that takes the
 * subtasks of its {@link DelegationLane} as the child (the parent's wall admits it), runs them on the execution lane
 * of that name (a local executor for yool {@value DelegationLane#YOOL}, else the provider) and writes the answers to
 * the results lane, where the parent takes them. Started and stopped on request; not kept across restarts. All stop
 * with the context, in the lane runner's phase.
 */
public final class ChildRunners implements SmartLifecycle {

    /** A delegation lane's backlog is not counted: its runner's concurrency does not adapt to it. */
    private static final ToIntFunction<String> NO_BACKLOG = lane -> 0;

    private final ExecutionLanes executionLanes;
    private final TupleGateway gateway;
    private final Supplier<String> opIds;
    private final Duration pollTimeout;
    private final Duration stopTimeout;
    private final ExecutorService takers;
    private final Map<String, LaneRunner> runners = new ConcurrentHashMap<>();
    private volatile boolean running;

    public ChildRunners(ExecutionLanes executionLanes, TupleGateway gateway, Supplier<String> opIds,
                        Duration pollTimeout, Duration stopTimeout, ExecutorService takers) {
        this.executionLanes = executionLanes;
        this.gateway = gateway;
        this.opIds = opIds;
        this.pollTimeout = pollTimeout;
        this.stopTimeout = stopTimeout;
        this.takers = takers;
    }

    /** Runs {@code child}'s delegated subtasks here (already running: nothing changes). */
    public void run(VacantId parent, VacantId child) {
        DelegationLane lane = DelegationLane.of(parent, child);
        runners.computeIfAbsent(lane.tasks(), tasks -> {
            LaneRunner runner = new LaneRunner(List.of(tasks), new Authority(child, Set.of()), executionLanes, gateway,
                    opIds, NO_BACKLOG, pollTimeout, stopTimeout, takers);
            runner.start();
            return runner;
        });
    }

    /** Stops running {@code child}'s subtasks here (not running: nothing changes). */
    public void stop(VacantId parent, VacantId child) {
        LaneRunner runner = runners.remove(DelegationLane.of(parent, child).tasks());
        if (runner != null) {
            runner.stop();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        runners.values().forEach(LaneRunner::stop);
        runners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LaneRunnerLifecycle.PHASE;
    }
}
