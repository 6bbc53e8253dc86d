package dev.vacant.infra.task.execution;

import dev.vacant.command.task.TaskCommands.ExpireTaskLeaseCommand;
import dev.vacant.command.task.TaskControl;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.runner.LaneRunner;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.event.ControlChangedEvent;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.tuple.TupleOp;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps every task moving whatever dies where (run every {@code sweep-interval} by {@code TimerPolling}):
 * <ul>
 *   <li>an IN_PROGRESS task taken more than a lease ago is sent {@link ExpireTaskLeaseCommand} (the task itself
 *       checks its lease), so a task whose worker died is queued again and put back on the lane;</li>
 *   <li>while the loop takes work, a task QUEUED for more than a sweep interval whose tuple is not on the lane (its
 *       worker died between the take of the tuple and the take of the task; the loop was paused when its tuple was
 *       taken; its assignee refused the call; the write failed) is put back on the lane.</li>
 * </ul>
 * At most {@value #BATCH} tasks of each kind per sweep, oldest first. Several instances may sweep at once: a second
 * expiry changes nothing and a second tuple of one task is declined by its worker.
 */
public final class TaskSweeper {

    /** The most tasks of each kind one sweep looks at (also the most tuples of the lane it scans). */
    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(TaskSweeper.class);

    private final JdbcTemplate jdbc;
    private final CommandSender commands;
    private final TupleGateway gateway;
    private final EventStore store;
    private final Clock clock;
    private final String lane;
    private final Duration lease;
    private final Duration interval;

    TaskSweeper(JdbcTemplate jdbc, CommandSender commands, TupleGateway gateway, EventStore store, Clock clock,
                String lane, Duration lease, Duration interval) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.gateway = gateway;
        this.store = store;
        this.clock = clock;
        this.lane = lane;
        this.lease = lease;
        this.interval = interval;
    }

    /** One sweep; a failure is logged and the next sweep tries again. */
    public void sweep() {
        try {
            expireLeases();
            if (mode().takesWork()) {
                requeueLostTuples();
            }
        } catch (RuntimeException e) {
            log.warn("A sweep of the task loop failed: {}", e.toString());
        }
    }

    private void expireLeases() {
        jdbc.query("select task_id, attempt from task_view where state = 'IN_PROGRESS' and updated_at < ?"
                        + " order by updated_at limit " + BATCH,
                (row, n) -> new ExpireTaskLeaseCommand(row.getString(1), row.getInt(2)), before(lease))
                .forEach(commands::send);
    }

    private void requeueLostTuples() {
        List<String> queued = jdbc.queryForList("select task_id from task_view where state = 'QUEUED'"
                + " and updated_at < ? order by updated_at limit " + BATCH, String.class, before(interval));
        if (queued.isEmpty()) {
            return;
        }
        Set<String> onLane = new HashSet<>();
        gateway.request(new TupleOp.Scan(UUID.randomUUID().toString(), lane, LaneRunner.AUTHORITY,
                TaskTuples.YOOL, null, null, BATCH)).as(TupleResult.Scanned.class).tuples()
                .forEach(tuple -> onLane.add(tuple.data().path("task_id").asText()));
        queued.stream().filter(taskId -> !onLane.contains(taskId)).forEach(taskId ->
                gateway.request(TaskTuples.out("sweep:" + UUID.randomUUID(), lane, taskId)));
    }

    /** The loop's mode, from the last entry of the control chain (RUNNING before the first switch). */
    private ControlMode mode() {
        return store.lastSequenceNumberFor(TaskControl.ID)
                .map(seq -> ((ControlChangedEvent) store.readEvents(TaskControl.ID, seq).next().getPayload()).mode())
                .orElse(ControlMode.RUNNING);
    }

    private Timestamp before(Duration age) {
        return Timestamp.from(clock.instant().minus(age));
    }
}
