package bench.plain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import bench.plain.Messages.CallCommand;
import bench.plain.Messages.CallReceived;
import bench.plain.Messages.ChildSpawned;
import bench.plain.Messages.GenesisCommand;
import bench.plain.Messages.GenesisRecorded;
import bench.plain.Messages.HeartbeatCommand;
import bench.plain.Messages.HeartbeatRecorded;
import bench.plain.Messages.SpawnCommand;
import bench.plain.Messages.VacantBorn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An event-sourced vacant: genesis (or birth by a spawn), heartbeats, calls and D1 spawns, each one event. */
@Aggregate
public class PlainVacant {

    @AggregateIdentifier
    private String id;
    private long seq;

    protected PlainVacant() {
    }

    @CommandHandler
    public PlainVacant(GenesisCommand c) {
        apply(new GenesisRecorded(c.id(), c.systemPrompt(), c.policyDsl(), c.tools(), c.provider(), c.model(),
                c.modelFamily(), c.filler()));
    }

    private PlainVacant(String parentId, SpawnCommand c) {
        apply(new VacantBorn(c.childId(), parentId, c.path(), c.policyMutation(), c.filler()));
    }

    @CommandHandler
    public long handle(HeartbeatCommand c) {
        apply(new HeartbeatRecorded(id, seq + 1, c.filler()));
        return seq;
    }

    @CommandHandler
    public long handle(CallCommand c) {
        apply(new CallReceived(id, seq + 1, c.filler()));
        return seq;
    }

    /** Records the spawn and creates the child in the same unit of work; answers the child's id. */
    @CommandHandler
    public String handle(SpawnCommand c) throws Exception {
        apply(new ChildSpawned(id, c.childId(), c.path(), seq + 1, c.filler()));
        createNew(PlainVacant.class, () -> new PlainVacant(id, c));
        return c.childId();
    }

    @EventSourcingHandler
    void on(GenesisRecorded e) {
        id = e.id();
    }

    @EventSourcingHandler
    void on(VacantBorn e) {
        id = e.id();
    }

    @EventSourcingHandler
    void on(HeartbeatRecorded e) {
        seq = e.seq();
    }

    @EventSourcingHandler
    void on(CallReceived e) {
        seq = e.seq();
    }

    @EventSourcingHandler
    void on(ChildSpawned e) {
        seq = e.seq();
    }
}
