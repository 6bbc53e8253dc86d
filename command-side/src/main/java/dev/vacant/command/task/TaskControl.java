package dev.vacant.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.ControlChangedEvent;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.vacant.Payloads;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The operator's switch over the task loop, one per deployment ({@link #ID}): HALT, PAUSE and RESUME are
 * operator commands recorded as node-signed entries of the {@code control} chain, so every instance reads the
 * same mode from the event store. It starts RUNNING.
 */
@Aggregate(commandTargetResolver = "commandTargets")
public class TaskControl {

    /** The one control chain's id. */
    public static final String ID = "control";

    @AggregateIdentifier
    private String id = ID;
    private LogbookChain chain = LogbookChain.empty(ID);
    private ControlMode mode = ControlMode.RUNNING;

    protected TaskControl() {
    }

    /** Operator-only: switch the task loop to {@code mode}. */
    public record ChangeControlModeCommand(@TargetAggregateIdentifier String controlId, Actor actor, ControlMode mode) {
    }

    /** Records the switch; switching to the mode already in force records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ControlMode handle(ChangeControlModeCommand command, TaskContext ctx) {
        if (command.actor().role() != Role.OPERATOR) {
            throw new VacantException(ErrorCode.FORBIDDEN, "only an operator may switch the task loop",
                    Map.of("mode", command.mode().name()));
        }
        if (command.mode() != mode) {
            LogbookEntry entry = chain.append(command.mode().command(), ctx.now(),
                    Payloads.toJson(new ControlChangedEvent.Payload(command.mode(), command.actor().principal())),
                    ctx.nodeKey().node());
            apply(new ControlChangedEvent(entry));
        }
        return command.mode();
    }

    /** The mode in force. */
    ControlMode mode() {
        return mode;
    }

    /** The mode recorded in {@code store}: RUNNING until an operator first switched the loop (inside a unit of work). */
    static ControlMode modeIn(Repository<TaskControl> control, EventStore store) {
        return store.lastSequenceNumberFor(ID).isPresent() ? control.load(ID).invoke(TaskControl::mode)
                : ControlMode.RUNNING;
    }

    @EventSourcingHandler
    void on(ControlChangedEvent event) {
        chain = chain.after(event.entry());
        mode = event.mode();
    }
}
