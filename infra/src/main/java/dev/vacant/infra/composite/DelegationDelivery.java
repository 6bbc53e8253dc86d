package dev.vacant.infra.composite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.composite.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.command.composite.CompositeResults.Delegated;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a recorded plan to the children's runtimes and brings the answers back ({@code docs/composite.md},
 * delegation): per delegation, the parent puts the subtask as a tuple on the child's {@link DelegationLane} (guarded
 * by the parent's wall, with a lease of the delegation's timeout), waits for the answer tuple on the lane's results
 * lane (written by the child's runner or by a client taking the task), and records it as DELEGATION_COMPLETED on
 * both chains; a timeout or an error answer records a failed completion. A parallel plan's delegations run at
 * once, a sequential plan's one after the other. The parent's entries stay in chain order because each completion is
 * a command on the parent's aggregate.
 */
public final class DelegationDelivery {

    /** Who records what came back through the lane: the wall and the tuple space have checked its author. */
    static final Actor RETURN = new Actor("delegation-return", Role.OPERATOR);
    /** The source of a delegated subtask's tuple. */
    static final String SOURCE = "composite";

    private static final Logger log = LoggerFactory.getLogger(DelegationDelivery.class);

    private final TupleGateway gateway;
    private final CommandSender commands;
    private final ExecutorService threads;

    /**
     * @param gateway  puts the subtasks and takes the answers
     * @param commands records the completions
     * @param threads  runs the deliveries (each waits for its answers); shut down with the context
     */
    public DelegationDelivery(TupleGateway gateway, CommandSender commands, ExecutorService threads) {
        this.gateway = gateway;
        this.commands = commands;
        this.threads = threads;
    }

    /** Starts delivering {@code recorded} (the plan's texts in {@code plan}), each waiting at most {@code timeout}. */
    public void deliver(String parent, DelegationResult recorded, List<Subtask> plan, Duration timeout) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int index = 0; index < plan.size(); index++) {
            deliveries.add(new Delivery(parent, recorded.planId(), index, recorded.delegations().get(index),
                    plan.get(index).text(), timeout));
        }
        if (recorded.parallel()) {
            deliveries.forEach(delivery -> threads.execute(() -> run(delivery)));
        } else {
            threads.execute(() -> deliveries.forEach(this::run));
        }
    }

    private void run(Delivery delivery) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        DelegationAnswer answer;
        try {
            answer = awaitAnswer(delivery, put(delivery));
        } catch (VacantException e) {
            answer = DelegationAnswer.failed(e.code());
        }
        if (!Thread.currentThread().isInterrupted()) {
            record(delivery, answer);
        }
    }

    private UUID put(Delivery delivery) {
        ObjectNode data = Json.object().put("delegation_id", delivery.delegation().delegationId())
                .put("plan_id", delivery.planId()).put("plan_index", delivery.index())
                .put("parent", delivery.parent()).put("child", delivery.delegation().child())
                .put("subtask", delivery.subtask());
        TupleResult written = gateway.request(new TupleOp.Out("delegate:" + delivery.delegation().delegationId(),
                delivery.lane().tasks(), delivery.parentAuthority(), DelegationLane.YOOL,
                new TupleMap(List.of(delivery.index())), SOURCE, null, null, data, delivery.timeout().toMillis()));
        return written.as(TupleResult.Single.class).tuple().id();
    }

    /**
     * Takes the answer to {@code task} from the results lane until the timeout (measured here; a take's own wait,
     * at most {@link TupleOp#MAX_TIMEOUT_MS}, ends by the lane's clock and is followed by another while time is left):
     * one written by the parent (the lane runner writes for the task's author) or the child; an answer by another
     * member of the tree is taken and dropped. A take without a reply is sent again with the same op id, so an answer
     * handed to it is not lost.
     */
    private DelegationAnswer awaitAnswer(Delivery delivery, UUID task) {
        long deadline = System.nanoTime() + delivery.timeout().toNanos();
        Template answerTo = new Template(null, null, null, task, null, null);
        int take = 0;
        while (true) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                return DelegationAnswer.TIMED_OUT;
            }
            TupleResult taken;
            try {
                taken = gateway.request(new TupleOp.In("return:" + delivery.delegation().delegationId() + ":" + take,
                        delivery.lane().results(), delivery.parentAuthority(), answerTo,
                        Math.min(left, TupleOp.MAX_TIMEOUT_MS)));
            } catch (VacantException e) {
                if (e.code() == ErrorCode.INTERNAL && !Thread.currentThread().isInterrupted()) {
                    continue;
                }
                throw e;
            }
            take++;
            Tuple answer = taken.as(TupleResult.Single.class).tuple();
            String author = answer == null ? null : answer.authority().value();
            if (delivery.parent().equals(author) || delivery.delegation().child().equals(author)) {
                return DelegationAnswer.of(answer.data());
            }
        }
    }

    /** Records the answer; a delegation completed meanwhile (by {@code POST .../completion}) keeps that completion. */
    private void record(Delivery delivery, DelegationAnswer answer) {
        try {
            commands.send(new CompleteDelegationCommand(delivery.parent(), RETURN,
                    VacantId.parse(delivery.delegation().child()), delivery.delegation().delegationId(),
                    answer.result(), answer.error()));
        } catch (VacantException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                log.warn("Delegation {} of {} could not be recorded as {}: {}", delivery.delegation().delegationId(),
                        delivery.parent(), answer.error() == null ? "completed" : answer.error(), e.getMessage());
            }
        }
    }

    /** One delegation of a plan on its way: where it goes, what it carries, how long it may take. */
    private record Delivery(String parent, String planId, int index, Delegated delegation, String subtask,
                            Duration timeout) {

        DelegationLane lane() {
            return DelegationLane.of(VacantId.parse(parent), VacantId.parse(delegation.child()));
        }

        Authority parentAuthority() {
            return new Authority(VacantId.parse(parent), Set.of());
        }
    }
}
