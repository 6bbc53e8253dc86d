package dev.vacant.infra.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A {@link SimpleCommandBus} that commits concurrent commands together (group commit): the database commit, not
 * the work of a command, bounds how many commands a second one transaction each can take.
 * <ul>
 *   <li>Dispatched commands queue on one of {@code lanes} dispatcher threads, chosen by routing key (the target
 *       vacant), so commands on one vacant stay in order on one thread.</li>
 *   <li>A dispatcher drains up to {@code maxBatch} queued commands and runs each in its own nested unit of work
 *       inside one root unit of work and transaction: their events are appended in one insert batch and one
 *       commit. Callers hear their results only after that commit.</li>
 *   <li>If any command of a group fails (a rejection, a lock conflict, a failed commit), the whole group rolls
 *       back and each of its commands runs again alone, in its own transaction, exactly as on a plain
 *       {@link SimpleCommandBus}: a rejected command writes nothing and never costs another command its
 *       result.</li>
 *   <li>A command that runs alone and fails on a write conflict (another node appended to one of its vacants
 *       first: a duplicate {@code (aggregate_identifier, sequence_number)}, Axon's {@link ConcurrencyException})
 *       runs again, up to {@code conflictRetries} times: the rolled-back unit of work evicted the stale cached
 *       aggregates, so the retry loads them from the store. A conflict in a group rolls the group back, and its
 *       commands then run alone with these retries. Past them, the caller hears the conflict. A command whose lock
 *       wait Axon finds to close a cycle with another dispatcher's ({@link DeadlockException}: groups hold the locks
 *       of all their commands until they commit) is retried the same way.</li>
 *   <li>A command dispatched from inside a unit of work (a handler sending a command), or after
 *       {@link #shutdown()}, runs directly on the caller's thread, as on a plain {@link SimpleCommandBus}.</li>
 * </ul>
 */
public class GroupCommitCommandBus extends SimpleCommandBus {

    /** The distribution of group sizes: commands a dispatcher drained into one transaction. */
    public static final String GROUP_SIZE_METRIC = "vacant.commands.group.size";

    private final TransactionManager transactions;
    private final RoutingStrategy routing;
    private final int maxBatch;
    private final int conflictRetries;
    private final List<BlockingQueue<Pending<?, ?>>> queues = new ArrayList<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final AtomicLong groupsCommitted = new AtomicLong();
    private final AtomicLong groupsRetriedAlone = new AtomicLong();
    private volatile IntConsumer groupSizes = size -> {
    };
    private final AtomicLong conflictsRetried = new AtomicLong();
    private volatile boolean running;
    private volatile boolean stopped;

    /**
     * @param builder      the plain bus's settings (its transaction manager must be {@code transactions})
     * @param transactions the transaction manager every group runs in
     * @param routing      picks a command's dispatcher (the same key, the same thread); never answers null
     * @param lanes        dispatcher threads
     * @param maxBatch        most commands per group
     * @param conflictRetries how often a command running alone runs again after a write conflict
     */
    public GroupCommitCommandBus(Builder builder, TransactionManager transactions, RoutingStrategy routing, int lanes,
                                 int maxBatch, int conflictRetries) {
        super(builder.transactionManager(transactions));
        if (lanes < 1 || maxBatch < 1 || conflictRetries < 0) {
            throw new IllegalArgumentException("lanes and maxBatch must be >= 1, conflictRetries >= 0");
        }
        this.transactions = transactions;
        this.routing = routing;
        this.maxBatch = maxBatch;
        this.conflictRetries = conflictRetries;
        for (int i = 0; i < lanes; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    private record Pending<C, R>(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
    }

    /** A command's result, held back until its group has committed. */
    private record Handled<C, R>(Pending<C, R> pending, CommandResultMessage<? extends R> result) {
        void deliver() {
            pending.callback().onResult(pending.command(), result);
        }
    }

    /** Starts the dispatcher threads; commands dispatched before wait in their queues. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Pending<?, ?>> queue = queues.get(i);
            Thread thread = new Thread(() -> drain(queue), "group-commit-" + i);
            thread.setDaemon(true);
            dispatchers.add(thread);
            thread.start();
        }
    }

    /** Stops the dispatchers after the commands already queued. */
    public synchronized void shutdown() {
        running = false;
        stopped = true;
        dispatchers.forEach(Thread::interrupt);
        for (Thread thread : dispatchers) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatchers.clear();
    }

    /** Hears the size of every group a dispatcher drains (a metric). */
    public void observeGroupSizes(IntConsumer observer) {
        groupSizes = observer;
    }

    /** Groups committed together since start. */
    public long groupsCommitted() {
        return groupsCommitted.get();
    }

    /** Groups that failed and whose commands ran again one by one. */
    public long groupsRetriedAlone() {
        return groupsRetriedAlone.get();
    }

    /** Commands run again after a write conflict or a lock cycle since start. */
    public long conflictsRetried() {
        return conflictsRetried.get();
    }

    @Override
    protected <C, R> void doDispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted() || stopped) {
            super.doDispatch(command, callback);
            return;
        }
        int lane = Math.floorMod(routing.getRoutingKey(command).hashCode(), queues.size());
        queues.get(lane).add(new Pending<>(command, callback));
    }

    private void drain(BlockingQueue<Pending<?, ?>> queue) {
        List<Pending<?, ?>> group = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?, ?> first = running ? queue.take() : queue.poll();
                if (first == null) {
                    return;
                }
                group.add(first);
            } catch (InterruptedException e) {
                continue; // shutdown: finish what is queued
            }
            queue.drainTo(group, maxBatch - 1);
            dispatch(group);
            group.clear();
        }
    }

    private void dispatch(List<Pending<?, ?>> group) {
        groupSizes.accept(group.size());
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        List<Handled<?, ?>> handled = new ArrayList<>(group.size());
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(group.get(0).command());
        root.attachTransaction(transactions);
        boolean committed = !root.executeWithResult(() -> {
            for (Pending<?, ?> pending : group) {
                Handled<?, ?> result = handle(pending);
                if (result.result().isExceptional()) {
                    throw new GroupAborted();
                }
                handled.add(result);
            }
            return null;
        }).isExceptional();
        if (committed) {
            groupsCommitted.incrementAndGet();
            handled.forEach(Handled::deliver);
        } else {
            groupsRetriedAlone.incrementAndGet();
            group.forEach(this::alone);
        }
    }

    /** Runs one command (in a unit of work nested in the current one, if any), keeping its result. */
    private <C, R> Handled<C, R> handle(Pending<C, R> pending) {
        List<CommandResultMessage<? extends R>> result = new ArrayList<>(1);
        super.doDispatch(pending.command(), (CommandCallback<C, R>) (command, message) -> result.add(message));
        return new Handled<>(pending, result.get(0));
    }

    private <C, R> void alone(Pending<C, R> pending) {
        Handled<C, R> handled = handle(pending);
        for (int retry = 0; retry < conflictRetries && conflicted(handled.result()); retry++) {
            conflictsRetried.incrementAndGet();
            handled = handle(pending);
        }
        handled.deliver();
    }

    /**
     * Whether a command failed because another writer appended to one of its aggregates first, or because Axon saw
     * its lock wait close a cycle with another dispatcher's (a group holds every lock of its commands until it
     * commits; the rolled-back command released its own).
     */
    private static boolean conflicted(CommandResultMessage<?> result) {
        for (Throwable cause = result.isExceptional() ? result.exceptionResult() : null; cause != null;
             cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof DeadlockException) {
                return true;
            }
        }
        return false;
    }

    /** Rolls a group back after one of its commands failed. */
    private static final class GroupAborted extends RuntimeException {
        GroupAborted() {
            super("a command of the group failed", null, false, false);
        }
    }
}
