package dev.vacant.command.vacant;

import dev.vacant.command.composite.CompositeCommandHandlers;
import dev.vacant.command.composite.CompositeCommands;
import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.composite.BehaviourCollusionDetector;
import dev.vacant.kernel.composite.CollusionWeights;
import dev.vacant.kernel.composite.GraduationConsent;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.time.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A real Axon configuration (in-memory event store, the Vacant aggregate, its multi-aggregate handlers and the effects
 * that follow its entries, wired as the application wires them) for commands that touch several vacants, which the
 * single-aggregate test fixture cannot hold.
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
    static final GraduationGate DEFAULT_GATE = new GraduationGate(3, 0.7,
            new BehaviourCollusionDetector(CollusionWeights.DEFAULTS, DriftSettings.DEFAULTS));

    private final Configuration configuration;

    VacantWorld() {
        this(DEFAULT_GATE);
    }

    /** A world whose composites graduate through {@code gate}. */
    VacantWorld(GraduationGate gate) {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(VacantContext.class, c -> ctx)
                .configureAggregate(Vacant.class)
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(VacantEffects.PROCESSING_GROUP)
                        .registerListenerInvocationErrorHandler(VacantEffects.PROCESSING_GROUP,
                                c -> PropagatingErrorHandler.instance())
                        .registerEventHandler(c -> new VacantEffects(c.repository(Vacant.class), ctx)))
                .registerCommandHandler(c -> new VacantCommandHandlers(c.repository(Vacant.class), ctx))
                .registerCommandHandler(c -> new CompositeCommandHandlers(c.repository(Vacant.class), ctx, gate,
                        new EventStoreVacantDirectory(c.eventStore())))
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

    /** A D2 bud of {@code parent} (controlled by alice), registered in its composite by the spawn. */
    String bud(String parent, String... tools) {
        SpawnResult bud = send(new VacantCommands.SpawnVacantCommand(parent, ALICE,
                new SpawnRequest.SubagentBud(List.of(tools)), null));
        return bud.child().id();
    }

    /** A D1 child of {@code parent}: ACTIVE, and not registered in any composite. */
    String unregisteredChild(String parent) {
        SpawnResult child = send(new VacantCommands.SpawnVacantCommand(parent, ALICE,
                new SpawnRequest.CloneWithMutation("be brief"), null));
        return child.child().id();
    }

    /** Moves the clock on and fires the vacant's timer once per dormancy step. */
    void dormant(String vacantId, int steps) {
        for (int i = 0; i < steps; i++) {
            clock.advance(java.time.Duration.ofDays(31));
            send(new VacantCommands.FireVacantTimerCommand(vacantId));
        }
    }

    /** Reports every text as a behaviour sample of the vacant. */
    void samples(String vacantId, List<String> texts) {
        texts.forEach(text -> send(new VacantCommands.ReportBehaviorSampleCommand(vacantId, ALICE, text)));
    }

    /** {@code signer}'s consent to graduate {@code child} of {@code parent} with {@code text}. */
    String graduationSignature(String signer, String parent, String child, String text) {
        byte[] message = CanonicalJson.canonicalize(
                GraduationConsent.signingPayload(VacantId.parse(parent), VacantId.parse(child), text));
        return Base64Url.encode(custody.signer(VacantId.parse(signer)).sign(message));
    }

    /** A graduation request signed by both parties. */
    CompositeCommands.GraduateChildCommand graduation(String parent, String child, String text, OutboundPolicy policy) {
        return new CompositeCommands.GraduateChildCommand(parent, ALICE, VacantId.parse(child), text, policy,
                graduationSignature(parent, parent, child, text), graduationSignature(child, parent, child, text));
    }

    /** The kinds of one vacant's entries, in order. */
    List<String> kinds(String vacantId) {
        return logbook(vacantId).stream().map(LogbookEntry::kind).toList();
    }

    /** The signed entries of one vacant, in order, read back from the event store. */
    List<LogbookEntry> logbook(String vacantId) {
        return configuration.eventStore().readEvents(vacantId).asStream()
                .map(m -> ((VacantEvent) m.getPayload()).entry()).toList();
    }

    /** The newest entry of a vacant's chain. */
    LogbookEntry last(String vacantId) {
        List<LogbookEntry> entries = logbook(vacantId);
        return entries.get(entries.size() - 1);
    }

    /** Asserts the call fails with {@code code} and appends nothing to any of {@code vacants}. */
    void assertRejected(ThrowableAssert.ThrowingCallable call, ErrorCode code, String... vacants) {
        List<Integer> before = Stream.of(vacants).map(v -> logbook(v).size()).toList();
        Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(VacantException.class,
                e -> Assertions.assertThat(e.code()).isEqualTo(code));
        Assertions.assertThat(Stream.of(vacants).map(v -> logbook(v).size()).toList()).isEqualTo(before);
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
