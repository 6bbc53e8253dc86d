package dev.vacant.command.vacant;

import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.vacant.VacantEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A real Axon configuration (in-memory event store, the Vacant aggregate and its multi-aggregate handlers) for
 * commands that touch several vacants, which the single-aggregate test fixture cannot hold.
 */
final class VacantWorld implements AutoCloseable {

    static final Actor OPERATOR = new Actor("ops", Role.OPERATOR);
    static final Actor ALICE = new Actor("alice", Role.CONTROLLER);
    static final Actor BOB = new Actor("bob", Role.CONTROLLER);
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    final RecordingTimers timers = new RecordingTimers();
    final VacantContext ctx = new VacantContext(custody, clock, LifecycleSettings.DEFAULTS, DriftSettings.DEFAULTS, timers);
    private final Configuration configuration;

    VacantWorld() {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(VacantContext.class, c -> ctx)
                .configureAggregate(Vacant.class)
                .registerCommandHandler(c -> new VacantCommandHandlers(c.repository(Vacant.class), ctx))
                .buildConfiguration();
        configuration.start();
    }

    static BehaviorBundle bundle(String... tools) {
        return new BehaviorBundle("You are helpful.", "allow: read", List.of(tools));
    }

    static SubstrateSpec substrate(String provider, String model, String family) {
        return new SubstrateSpec(provider, model, family, Json.object().put("max_tokens", 512));
    }

    CommandGateway gateway() {
        return configuration.commandGateway();
    }

    <R> R send(Object command) {
        return gateway().sendAndWait(command);
    }

    VacantCommandResult genesis(String controller, LifecycleState start) {
        return send(new CreateGenesisCommand(OPERATOR, controller, start, bundle("search", "read", "write"),
                substrate("openai", "gpt-x", "gpt")));
    }

    /** The stored event messages of one vacant, in order (a fixture's given history). */
    List<Object> history(String vacantId) {
        return configuration.eventStore().readEvents(vacantId).asStream().map(Object.class::cast).toList();
    }

    /** Builds, through real commands, a vacant that is now in {@code state}. */
    String vacantIn(LifecycleState state) {
        String id = genesis("alice", state == LifecycleState.LOCAL ? LifecycleState.LOCAL : LifecycleState.ACTIVE).id();
        List<LifecycleState> dormancy = List.of(LifecycleState.HIBERNATING, LifecycleState.STALE, LifecycleState.SUNK);
        for (LifecycleState step : dormancy) {
            if (state.compareTo(step) < 0 || state == LifecycleState.LOCAL) {
                break;
            }
            clock.advance(java.time.Duration.ofDays(31));
            send(new VacantCommands.FireVacantTimerCommand(id));
        }
        if (state == LifecycleState.ARCHIVED) {
            clock.advance(java.time.Duration.ofDays(91));
            send(new VacantCommands.ArchiveVacantCommand(id, OPERATOR));
        }
        clock.advance(java.time.Duration.ofDays(2));
        return id;
    }

    /** The signed entries of one vacant, in order, read back from the event store. */
    List<LogbookEntry> logbook(String vacantId) {
        return configuration.eventStore().readEvents(vacantId).asStream()
                .map(m -> ((VacantEvent) m.getPayload()).entry()).toList();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
