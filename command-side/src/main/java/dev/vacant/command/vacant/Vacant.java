package dev.vacant.command.vacant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.composite.Composite;
import dev.vacant.command.composite.CompositeEntry;
import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.command.vacant.VacantCommands.GrantConsentCommand;
import dev.vacant.command.vacant.VacantCommands.PublishVacantCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.command.vacant.VacantCommands.ReportBehaviorSampleCommand;
import dev.vacant.command.vacant.VacantCommands.ResetAnchorCommand;
import dev.vacant.command.vacant.VacantCommands.ReviveVacantCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionParty;
import dev.vacant.kernel.consent.ConsentGrantedPayload;
import dev.vacant.kernel.consent.ConsentRequest;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.drift.BehaviorSample;
import dev.vacant.kernel.drift.Drift;
import dev.vacant.kernel.drift.DriftAssessment;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.AnchorResetEvent;
import dev.vacant.kernel.event.VacantEvents.BehaviorSampledEvent;
import dev.vacant.kernel.event.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildSpawnedEvent;
import dev.vacant.kernel.event.VacantEvents.ConsentGrantedEvent;
import dev.vacant.kernel.event.VacantEvents.DormancyElapsedEvent;
import dev.vacant.kernel.event.VacantEvents.DriftDetectedEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.event.VacantEvents.ReviewReceivedEvent;
import dev.vacant.kernel.event.VacantEvents.SpawnConsentUsedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantArchivedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.event.VacantEvents.VacantPublishedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantRevivedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.HeartbeatRule;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
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
import dev.vacant.kernel.vacant.DriftPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.ReviewPayload;
import dev.vacant.kernel.vacant.SamplePayload;
import dev.vacant.kernel.vacant.SpawnPayload;
import dev.vacant.kernel.vacant.TransitionPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * policies), sign the next logbook entry with the vacant's key from custody and apply it; what follows from an
 * applied entry (the persistent timer, key destruction) is left to {@link VacantEffects}. The single
 * event-sourcing handler only evolves state from what the signed entries record, including the member
 * {@link Composite} of a parent, whose commands ({@code dev.vacant.command.composite}) sign through
 * {@link #record(CompositeEntry, Object, VacantContext)}.
 */
@Aggregate(cache = "vacantCache", commandTargetResolver = "commandTargets")
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
    private long stateSeq;
    private Instant lastHeartbeat;
    private final Set<String> spentConsentNonces = new HashSet<>();
    private final Map<String, SpawnPayload> spawnsByKey = new HashMap<>();
    private Anchor anchor = Anchor.empty();
    private SpawnPath birthPath;
    private ChildManifest manifest;
    private final Composite composite = new Composite();

    protected Vacant() {
    }

    /** A new vacant (genesis root or spawned child) with a fresh key from custody; {@link VacantEffects} starts its timer. */
    Vacant(VacantId vacantId, BirthPayload birth, BehaviorBundle bundle, SubstrateSpec substrate, VacantContext ctx) {
        LogbookKind kind = birth.parent() == null ? LogbookKind.GENESIS : LogbookKind.BIRTH;
        LogbookEntry entry = LogbookChain.empty(vacantId.value())
                .append(kind.name(), ctx.now(), Payloads.toJson(birth), ctx.custody().signer(vacantId));
        apply(kind == LogbookKind.GENESIS
                ? new GenesisRecordedEvent(entry, bundle, substrate)
                : new VacantBornEvent(entry, bundle, substrate));
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
        if (manifest != null && manifest.closedByDefault()) {
            throw new VacantException(ErrorCode.TREE_ONLY_VIOLATION, "a closed composite child takes no external call; "
                    + "its tree calls it as a vacant", Map.of("parent", manifest.parentId()));
        }
        return recordCall(command.caller(), ctx);
    }

    /** A call reaches this vacant: the transition table decides (CALL_RECEIVED; a STALE vacant refuses) and the entry records the outcome. */
    public VacantCommandResult recordCall(String caller, VacantContext ctx) {
        LifecycleState next = TransitionTable.apply(state, LifecycleEvent.CALL_RECEIVED);
        return record(LogbookKind.CALL_RECEIVED, Payloads.toJson(new CallPayload(caller, next)), CallReceivedEvent::new,
                ctx);
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
        return transition(LifecycleEvent.ARCHIVE_REQUESTED, LogbookKind.ARCHIVED, VacantArchivedEvent::new, ctx);
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
        requireAwake("SAMPLE");
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

    /**
     * A due timer records the dormancy step or, when SUNK, the server's custody heartbeat ({@link VacantEffects} then
     * sets the next one). A timer that fires before the vacant's due time (activity within a state moves the due time
     * later without rewriting the timer) records nothing and is only re-armed for that time: the one timer write not
     * driven by an entry, since the timer's own bookkeeping is this command's whole outcome.
     */
    @CommandHandler
    public VacantCommandResult handle(FireVacantTimerCommand command, VacantContext ctx) {
        Optional<Instant> due = timerDue(ctx.lifecycle());
        if (due.isPresent() && !ctx.now().isBefore(due.get())) {
            return state == LifecycleState.SUNK
                    ? recordHeartbeat(HeartbeatRule.of(state).orElseThrow(), null, ctx)
                    : transition(LifecycleEvent.DORMANCY_ELAPSED, LogbookKind.DORMANCY_ELAPSED, DormancyElapsedEvent::new, ctx);
        }
        due.ifPresentOrElse(at -> ctx.timers().schedule(id, at), () -> ctx.timers().cancel(id));
        return result();
    }

    /**
     * Signs one of the spec's consent payloads in custody at the controller's request, or verifies a signature the
     * owner produced elsewhere, while this vacant is runnable; records CONSENT_GRANTED (purpose, digest, source). A
     * D4 consent without a nonce gets one derived from this entry's position; a spent nonce is {@code CONSENT_REUSED}.
     */
    @CommandHandler
    public ConsentResult handle(GrantConsentCommand command, VacantContext ctx) {
        command.actor().requireControlOf(controller);
        requireRunnable("CONSENT");
        VacantId signer = VacantId.parse(id);
        ConsentRequest request = command.request() instanceof ConsentRequest.SpawnD4 d4
                ? d4.withNonce(signer, chain.nextSeq()) : command.request();
        if (request instanceof ConsentRequest.SpawnD4 d4 && spentConsentNonces.contains(d4.nonce())) {
            throw new VacantException(ErrorCode.CONSENT_REUSED, "this consent nonce was already used");
        }
        ObjectNode payload = request.payloadFor(signer, ctx.now());
        String signature = command.signature();
        if (signature == null) {
            signature = Base64Url.encode(ctx.custody().signer(signer).sign(ConsentRequest.message(payload)));
        } else {
            ConsentRequest.requireSignature(signer, payload, signature);
        }
        ConsentGrantedPayload granted = new ConsentGrantedPayload(request.purpose(), ConsentRequest.digest(payload),
                command.signature() == null ? ConsentGrantedPayload.Source.CUSTODY : ConsentGrantedPayload.Source.EXTERNAL);
        VacantCommandResult head = record(LogbookKind.CONSENT_GRANTED, Payloads.toJson(granted),
                ConsentGrantedEvent::new, ctx);
        return new ConsentResult(request.purpose(), payload, id, signature, head);
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

    VacantCommandResult recordSpawn(VacantId child, SpawnPath path, VacantId secondaryParent, String spawnKey,
                                    VacantContext ctx) {
        SpawnPayload payload = new SpawnPayload(child.value(), path,
                secondaryParent == null ? null : secondaryParent.value(), spawnKey);
        return record(LogbookKind.SPAWN, Payloads.toJson(payload), ChildSpawnedEvent::new, ctx);
    }

    /**
     * The child an earlier spawn under {@code spawnKey} created, if any (a parent spawns at most one child per key);
     * {@code CONFLICT} when that spawn took another path.
     */
    Optional<String> childSpawnedUnder(String spawnKey, SpawnPath path) {
        SpawnPayload earlier = spawnsByKey.get(spawnKey);
        if (earlier != null && earlier.path() != path) {
            throw new VacantException(ErrorCode.CONFLICT, "spawn key '" + spawnKey + "' already spawned "
                    + earlier.child() + " along " + earlier.path());
        }
        return Optional.ofNullable(earlier).map(SpawnPayload::child);
    }

    VacantCommandResult recordConsentUsed(VacantId primary, VacantId child, String nonce, VacantContext ctx) {
        ConsentUsedPayload payload = new ConsentUsedPayload(primary.value(), child.value(), nonce);
        return record(LogbookKind.CONSENT_USED, Payloads.toJson(payload), SpawnConsentUsedEvent::new, ctx);
    }

    /** A review reaches this vacant: the transition table decides (REVIEW_RECEIVED). */
    public VacantCommandResult recordReview(ReviewPayload review, VacantContext ctx) {
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


    /**
     * Checks that {@code actor} controls this vacant (or is an operator) and that it is runnable, else
     * {@code INVALID_TRANSITION} naming {@code act}: a composite's acts and a caller's outbound checks.
     */
    public void requireRunnableAs(Actor actor, String act) {
        actor.requireControlOf(controller);
        requireRunnable(act);
    }

    /** The composite this vacant is a parent of (registered children, allowlist, graduations, open delegations); read only. */
    public Composite composite() {
        return composite;
    }

    /** The manifest this vacant accepted as a composite child (the latest, after a graduation), or null. */
    public ChildManifest manifest() {
        return manifest;
    }

    /** How this vacant was born (signed into its manifest), or null for a genesis root. */
    public SpawnPath birthPath() {
        return birthPath;
    }

    /** Its bundle's tool whitelist (signed into its manifest). */
    public List<String> tools() {
        return bundle.toolWhitelist();
    }

    /** What the collusion detector compares: controller, substrate and the drift anchor. */
    public CollusionParty collusionParty() {
        return new CollusionParty(controller, substrate, anchor);
    }

    /** CONFLICT when this vacant already is a composite child; it must also still be able to sign. */
    public void requireCanAcceptManifest() {
        requireNotArchived();
        if (manifest != null) {
            throw new VacantException(ErrorCode.CONFLICT, id + " is already a child of " + manifest.parentId());
        }
    }

    /** Only a LOCAL child holding a manifest can graduate; anything else is {@code INVALID_TRANSITION}. */
    public void requireCanGraduate() {
        if (state != LifecycleState.LOCAL || manifest == null) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "only a LOCAL composite child can graduate",
                    Map.of("state", state.name(), "event", "GRADUATE"));
        }
    }

    /**
     * Signs {@code payload} as the composite's {@code entry} on this vacant's chain and applies it: the one door through
     * which the composite writes, so that each chain keeps one writer. The composite has validated the act against its
     * rules (the parent's and the child's cells of the transition table) before.
     */
    public VacantCommandResult record(CompositeEntry entry, Object payload, VacantContext ctx) {
        return record(entry.kind(), Payloads.toJson(payload), entry.event(), ctx);
    }

    private void requireRunnable(String act) {
        if (!state.isRunnable()) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "a " + state + " vacant cannot do this",
                    Map.of("state", state.name(), "event", act));
        }
    }

    /**
     * SUNK and ARCHIVED vacants take no behaviour (samples, delegation results): a sunk vacant only attests through
     * custody heartbeats until it is revived or archived; else {@code INVALID_TRANSITION}.
     */
    private void requireAwake(String act) {
        if (state == LifecycleState.SUNK || state == LifecycleState.ARCHIVED) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "a " + state + " vacant takes no " + act,
                    Map.of("state", state.name(), "event", act));
        }
    }

    private void requireNotArchived() {
        if (state == LifecycleState.ARCHIVED) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "an archived vacant accepts nothing",
                    Map.of("state", state.name(), "event", "SAMPLE"));
        }
    }

    /** Who controls this vacant. */
    public String controller() {
        return controller;
    }

    /** This vacant's id, state and chain head. */
    public VacantCommandResult result() {
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

    /** Signs the next entry and applies its event; what follows from it ({@link VacantEffects}) runs when it is published. */
    private VacantCommandResult record(LogbookKind kind, ObjectNode payload, Function<LogbookEntry, VacantEvent> factory,
                                       VacantContext ctx) {
        LogbookEntry entry = chain.append(kind.name(), ctx.now(), payload, ctx.custody().signer(VacantId.parse(id)));
        apply(factory.apply(entry));
        return result();
    }

    /** When this vacant's timer is next due in its current state, or empty when it has none (LOCAL, ARCHIVED). */
    Optional<Instant> timerDue(LifecycleSettings settings) {
        return TimerPolicy.nextDue(state, new VacantClock(lastActive, stateSince, lastHeartbeat), settings);
    }

    /**
     * Whether {@code event} moves this vacant's timer: it is the entry that last changed the state, or a SUNK custody
     * heartbeat (the next is due a period after it). Activity within a state only moves the due time later, and a
     * timer that fires early is re-armed by {@link FireVacantTimerCommand}, so most entries write no timer row at all.
     */
    boolean movesTimer(VacantEvent event) {
        return event.entry().seq() == stateSeq || event.kind() == LogbookKind.HEARTBEAT_SUNK;
    }

    @EventSourcingHandler
    void on(VacantEvent event) {
        LogbookEntry entry = event.entry();
        LogbookKind kind = event.kind();
        Instant at = Timestamps.parse(entry.body().ts());
        if (event instanceof GenesisRecordedEvent genesis) {
            born(entry, genesis.payload(), genesis.bundle(), genesis.substrate());
        } else if (event instanceof VacantBornEvent birth) {
            born(entry, birth.payload(), birth.bundle(), birth.substrate());
        } else if (event instanceof ManifestAcceptedEvent accepted) {
            manifest = accepted.payload().manifest();
        } else if (event instanceof ChildGraduatedEvent graduated && id.equals(graduated.payload().child())) {
            manifest = graduated.payload().manifest();
        } else if (event instanceof ChildSpawnedEvent spawned) {
            SpawnPayload spawn = spawned.payload();
            if (spawn.spawnKey() != null) {
                spawnsByKey.put(spawn.spawnKey(), spawn);
            }
        } else if (event instanceof SpawnConsentUsedEvent used) {
            spentConsentNonces.add(used.payload().nonce());
        } else if (event instanceof BehaviorSampledEvent sampled) {
            SamplePayload sample = sampled.payload();
            anchor = sample.anchor() ? anchor.plus(sample.features()) : anchor;
        } else if (event instanceof AnchorResetEvent) {
            anchor = Anchor.empty();
        }
        composite.on(event, id);
        LifecycleState next = kind.evolve(state, event.namedState());
        if (next != state) {
            stateSince = at;
            stateSeq = entry.seq();
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

    private void born(LogbookEntry entry, BirthPayload birth, BehaviorBundle bornBundle, SubstrateSpec bornSubstrate) {
        id = entry.body().vacant();
        chain = LogbookChain.empty(id);
        controller = birth.controller();
        parent = birth.parent();
        birthPath = birth.path();
        bundle = bornBundle;
        substrate = bornSubstrate;
    }
}
