package dev.vacant.command.vacant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.command.vacant.VacantCommands.PublishVacantCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.command.vacant.VacantCommands.ReportBehaviorSampleCommand;
import dev.vacant.command.vacant.VacantCommands.ResetAnchorCommand;
import dev.vacant.command.vacant.VacantCommands.ReviveVacantCommand;
import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.drift.BehaviorSample;
import dev.vacant.kernel.drift.Drift;
import dev.vacant.kernel.drift.DriftAssessment;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.vacant.DriftPayload;
import dev.vacant.kernel.vacant.SamplePayload;
import dev.vacant.kernel.vacant.VacantEvents.AnchorResetEvent;
import dev.vacant.kernel.vacant.VacantEvents.BehaviorSampledEvent;
import dev.vacant.kernel.vacant.VacantEvents.DriftDetectedEvent;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.HeartbeatRule;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TimerPolicy;
import dev.vacant.kernel.lifecycle.TransitionTable;
import dev.vacant.kernel.lifecycle.VacantClock;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.ParentTraits;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.CallPayload;
import dev.vacant.kernel.vacant.ConsentUsedPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.ReviewPayload;
import dev.vacant.kernel.vacant.SpawnPayload;
import dev.vacant.kernel.vacant.TransitionPayload;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildSpawnedEvent;
import dev.vacant.kernel.vacant.VacantEvents.DormancyElapsedEvent;
import dev.vacant.kernel.vacant.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ReviewReceivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.SpawnConsentUsedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantArchivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantPublishedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantRevivedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A vacant's life as an event-sourced aggregate. Command handlers validate (authorisation, transition table,
 * policies), sign the next logbook entry with the vacant's key from custody, apply it, and keep the persistent
 * timer in step; the single event-sourcing handler only evolves state from the signed entries.
 */
@Aggregate(cache = "vacantCache")
public class Vacant {

    @AggregateIdentifier
    private String id;
    private LifecycleState state;
    private String controller;
    private String parent;
    private LogbookChain chain;
    private BehaviorBundle bundle;
    private SubstrateSpec substrate;
    private Instant lastActive;
    private Instant stateSince;
    private Instant lastHeartbeat;
    private final Set<String> spentConsentNonces = new HashSet<>();
    private Anchor anchor = Anchor.empty();

    protected Vacant() {
    }

    /**
     * A new vacant (genesis root or spawned child) with a fresh key from custody. Axon applies constructor events
     * once construction completes, so the caller then calls {@link #started} to start the timer.
     */
    Vacant(VacantId vacantId, BirthPayload birth, BehaviorBundle bundle, SubstrateSpec substrate, VacantContext ctx) {
        LogbookKind kind = birth.parent() == null ? LogbookKind.GENESIS : LogbookKind.BIRTH;
        LogbookEntry entry = LogbookChain.empty(vacantId.value())
                .append(kind.name(), ctx.now(), Payloads.toJson(birth), ctx.custody().signer(vacantId));
        apply(kind == LogbookKind.GENESIS
                ? new GenesisRecordedEvent(entry, bundle, substrate)
                : new VacantBornEvent(entry, bundle, substrate));
    }

    /** Starts the timer of a vacant just created and answers its result. */
    VacantCommandResult started(VacantContext ctx) {
        nextDue(ctx).ifPresent(at -> ctx.timers().schedule(id, at));
        return result();
    }

    @CommandHandler
    public VacantCommandResult handle(RecordHeartbeatCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        TransitionTable.apply(state, LifecycleEvent.HEARTBEAT);
        HeartbeatRule rule = HeartbeatRule.of(state).orElseThrow();
        if (rule.tooSoon(lastHeartbeat, ctx.now(), ctx.lifecycle().heartbeats())) {
            throw new VacantException(ErrorCode.HEARTBEAT_TOO_SOON, "a heartbeat in " + state + " may come at most every "
                    + ctx.lifecycle().heartbeats().of(rule.cadence()).dividedBy(2), Map.of("state", state.name()));
        }
        return recordHeartbeat(rule, command.extra(), ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ReceiveCallCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        TransitionTable.apply(state, LifecycleEvent.CALL_RECEIVED);
        return record(LogbookKind.CALL_RECEIVED, Payloads.toJson(new CallPayload(command.caller())), CallReceivedEvent::new, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ReviveVacantCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        return transition(LifecycleEvent.REVIVE_REQUESTED, LogbookKind.REVIVED, VacantRevivedEvent::new, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ArchiveVacantCommand command, VacantContext ctx) {
        command.actor().requireOperator();
        TransitionTable.apply(state, LifecycleEvent.ARCHIVE_REQUESTED);
        Duration sunkFor = Duration.between(stateSince, ctx.now());
        if (sunkFor.compareTo(ctx.lifecycle().archiveAfterSunk()) < 0) {
            throw new VacantException(ErrorCode.ARCHIVE_TOO_EARLY, "a vacant may be archived after "
                    + ctx.lifecycle().archiveAfterSunk() + " in SUNK; it has been sunk for " + sunkFor,
                    Map.of("sunk_since", Timestamps.format(stateSince)));
        }
        VacantCommandResult result = transition(LifecycleEvent.ARCHIVE_REQUESTED, LogbookKind.ARCHIVED,
                VacantArchivedEvent::new, ctx);
        ctx.custody().destroy(VacantId.parse(id));
        return result;
    }

    @CommandHandler
    public VacantCommandResult handle(PublishVacantCommand command, VacantContext ctx) {
        command.actor().requireOperator();
        if (state != LifecycleState.LOCAL || parent != null) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "only a LOCAL genesis root can be published; "
                    + "closed children graduate instead", Map.of("state", state.name(), "event", "PUBLISH"));
        }
        return record(LogbookKind.PUBLISHED, Payloads.toJson(Map.of("registry_visibility", RegistryVisibility.PUBLIC)),
                VacantPublishedEvent::new, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ReportBehaviorSampleCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        requireNotArchived();
        BehaviorSample sample;
        try {
            sample = BehaviorSample.of(command.text());
        } catch (IllegalArgumentException e) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        DriftAssessment assessment = Drift.assess(anchor, sample.featuresMillionths(), ctx.drift());
        SamplePayload payload = new SamplePayload(Stylo16.VERSION, sample.digest(), sample.length(),
                sample.featuresMillionths(), !assessment.anchorComplete(),
                assessment.anchorComplete() ? assessment.driftMilli() : null);
        VacantCommandResult result = record(LogbookKind.BEHAVIOR_SAMPLED, Payloads.toJson(payload), BehaviorSampledEvent::new, ctx);
        if (assessment.drifting()) {
            DriftPayload drift = new DriftPayload(assessment.driftMilli(), assessment.thresholdMilli(), sample.digest());
            result = record(LogbookKind.DRIFT_DETECTED, Payloads.toJson(drift), DriftDetectedEvent::new, ctx);
        }
        return result;
    }

    @CommandHandler
    public VacantCommandResult handle(ResetAnchorCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        requireNotArchived();
        return record(LogbookKind.ANCHOR_RESET, Payloads.toJson(Map.of("previous_count", anchor.count())),
                AnchorResetEvent::new, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(FireVacantTimerCommand command, VacantContext ctx) {
        Optional<Instant> due = nextDue(ctx);
        VacantCommandResult result = result();
        if (due.isPresent() && !ctx.now().isBefore(due.get())) {
            result = state == LifecycleState.SUNK
                    ? recordHeartbeat(HeartbeatRule.of(state).orElseThrow(), null, ctx)
                    : transition(LifecycleEvent.DORMANCY_ELAPSED, LogbookKind.DORMANCY_ELAPSED, DormancyElapsedEvent::new, ctx);
        }
        nextDue(ctx).ifPresentOrElse(at -> ctx.timers().schedule(id, at), () -> ctx.timers().cancel(id));
        return result;
    }

    /** What a child inherits, after checking that {@code actor} may spawn from this vacant in its state. */
    ParentTraits spawnTraits(Actor actor) {
        actor.requireControlOf(controller);
        TransitionTable.apply(state, LifecycleEvent.SPAWN_REQUESTED);
        return traits();
    }

    /** What a D4 child inherits from this second parent, after checking its state and that the nonce is unspent. */
    ParentTraits consentTraits(String nonce) {
        TransitionTable.apply(state, LifecycleEvent.SPAWN_REQUESTED);
        if (spentConsentNonces.contains(nonce)) {
            throw new VacantException(ErrorCode.CONSENT_REUSED, "this consent nonce was already used");
        }
        return traits();
    }

    VacantCommandResult recordSpawn(VacantId child, SpawnPath path, VacantId secondaryParent, VacantContext ctx) {
        SpawnPayload payload = new SpawnPayload(child.value(), path, secondaryParent == null ? null : secondaryParent.value());
        return record(LogbookKind.SPAWN, Payloads.toJson(payload), ChildSpawnedEvent::new, ctx);
    }

    VacantCommandResult recordConsentUsed(VacantId primary, VacantId child, String nonce, VacantContext ctx) {
        ConsentUsedPayload payload = new ConsentUsedPayload(primary.value(), child.value(), nonce);
        return record(LogbookKind.CONSENT_USED, Payloads.toJson(payload), SpawnConsentUsedEvent::new, ctx);
    }

    VacantCommandResult recordReview(ReviewPayload review, VacantContext ctx) {
        TransitionTable.apply(state, LifecycleEvent.REVIEW_RECEIVED);
        return record(LogbookKind.REVIEW_RECEIVED, Payloads.toJson(review), ReviewReceivedEvent::new, ctx);
    }

    /** Checks that {@code actor} may act as this vacant when it reviews another, and that it may review. */
    void requireCanReviewAs(Actor actor) {
        actor.requireControlOf(controller);
        if (!state.canReview()) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "a " + state + " vacant cannot review",
                    Map.of("state", state.name(), "event", "REVIEW_GIVEN"));
        }
    }

    private void requireNotArchived() {
        if (state == LifecycleState.ARCHIVED) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "an archived vacant accepts nothing",
                    Map.of("state", state.name(), "event", "SAMPLE"));
        }
    }

    String controller() {
        return controller;
    }

    VacantCommandResult result() {
        return new VacantCommandResult(id, state, chain.nextSeq() - 1, chain.headHash());
    }

    private ParentTraits traits() {
        return new ParentTraits(bundle, substrate, state);
    }

    private VacantCommandResult recordHeartbeat(HeartbeatRule rule, ObjectNode extra, VacantContext ctx) {
        ObjectNode payload = rule.payload(lastActive, extra);
        return record(LogbookKind.valueOf(rule.kind()), payload, HeartbeatRecordedEvent::new, ctx);
    }

    private VacantCommandResult transition(LifecycleEvent event, LogbookKind kind,
                                           Function<LogbookEntry, VacantEvent> factory, VacantContext ctx) {
        LifecycleState next = TransitionTable.apply(state, event);
        return record(kind, Payloads.toJson(new TransitionPayload(state, next)), factory, ctx);
    }

    /**
     * Signs the next entry and applies its event. The timer is rewritten only when the state changes: activity
     * within a state only moves the due time later, and a timer that fires early is rescheduled by
     * {@link FireVacantTimerCommand}, so most commands write no timer row at all.
     */
    private VacantCommandResult record(LogbookKind kind, ObjectNode payload, Function<LogbookEntry, VacantEvent> factory,
                                       VacantContext ctx) {
        LifecycleState before = state;
        LogbookEntry entry = chain.append(kind.name(), ctx.now(), payload, ctx.custody().signer(VacantId.parse(id)));
        apply(factory.apply(entry));
        if (state != before) {
            nextDue(ctx).ifPresentOrElse(at -> ctx.timers().schedule(id, at), () -> ctx.timers().cancel(id));
        }
        return result();
    }

    private Optional<Instant> nextDue(VacantContext ctx) {
        return TimerPolicy.nextDue(state, new VacantClock(lastActive, stateSince, lastHeartbeat), ctx.lifecycle());
    }

    @EventSourcingHandler
    void on(VacantEvent event) {
        LogbookEntry entry = event.entry();
        LogbookKind kind = event.kind();
        Instant at = Timestamps.parse(entry.body().ts());
        LifecycleState bornAs = null;
        if (event instanceof GenesisRecordedEvent genesis) {
            bornAs = born(entry, genesis.bundle(), genesis.substrate());
        } else if (event instanceof VacantBornEvent birth) {
            bornAs = born(entry, birth.bundle(), birth.substrate());
        } else if (event instanceof SpawnConsentUsedEvent) {
            spentConsentNonces.add(Payloads.read(entry.body().payload(), ConsentUsedPayload.class).nonce());
        } else if (event instanceof BehaviorSampledEvent) {
            SamplePayload sample = Payloads.read(entry.body().payload(), SamplePayload.class);
            anchor = sample.anchor() ? anchor.plus(sample.features()) : anchor;
        } else if (event instanceof AnchorResetEvent) {
            anchor = Anchor.empty();
        }
        LifecycleState next = kind.evolve(state, bornAs);
        if (next != state) {
            stateSince = at;
        }
        state = next;
        if (kind.isActivity()) {
            lastActive = at;
        }
        if (kind == LogbookKind.HEARTBEAT || kind == LogbookKind.HEARTBEAT_SUNK) {
            lastHeartbeat = at;
        }
        chain = chain.after(entry);
    }

    private LifecycleState born(LogbookEntry entry, BehaviorBundle bornBundle, SubstrateSpec bornSubstrate) {
        BirthPayload birth = Payloads.read(entry.body().payload(), BirthPayload.class);
        id = entry.body().vacant();
        chain = LogbookChain.empty(id);
        controller = birth.controller();
        parent = birth.parent();
        bundle = bornBundle;
        substrate = bornSubstrate;
        return birth.state();
    }
}
