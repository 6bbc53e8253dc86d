package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.composite.AllowlistPayload;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionSignals;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.composite.OutboundPayload;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.composite.OutboundRule;
import dev.vacant.kernel.composite.TaskReceivedPayload;
import dev.vacant.kernel.consent.ConsentGrantedPayload;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.Intensity;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskPayloads;
import dev.vacant.kernel.task.TaskSigner;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.TaskState;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One example event per stored name and revision, built with the payload records the aggregates sign, under fixed
 * keys (RFC 8032 7.1 TEST 1 and TEST 2 seeds: public, never real), ids and clock, so its stored bytes never change
 * unless a signed shape does.
 */
final class SignedEventExamples {

    static final String TS = "2026-01-01T00:00:00.000Z";
    private static final Instant AT = Instant.parse(TS);
    private static final String PREV = "0".repeat(64);
    private static final byte[] SEED = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] OTHER_SEED =
            Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    private static final Ed25519KeyPair KEY = Ed25519.fromSeed(SEED);
    private static final Ed25519KeyPair OTHER_KEY = Ed25519.fromSeed(OTHER_SEED);
    static final VacantId VACANT = VacantId.of(KEY.publicKey());
    static final VacantId OTHER = VacantId.of(OTHER_KEY.publicKey());
    private static final LogbookSigner SELF = new KeyPairSigner(VACANT, SEED);
    private static final LogbookSigner OTHER_SELF = new KeyPairSigner(OTHER, OTHER_SEED);
    private static final LogbookSigner NODE = new KeyPairSigner(NodeId.of(OTHER_KEY.publicKey()), OTHER_SEED);
    static final String TASK = "task_00000000-0000-4000-8000-000000000001";
    private static final String DIGEST = "ab".repeat(32);

    private SignedEventExamples() {
    }

    /** The example of every earlier revision still in the table, by approval name ({@code <name>.r<revision>}). */
    static Map<String, SignedEvent> earlier() {
        return Map.of("vacant.review_received.r1", new VacantEvents.ReviewReceivedEvent(
                vacant(LogbookKind.REVIEW_RECEIVED, 1, new ReviewPayload(OTHER.value(), "positive", 4, null))));
    }

    /** The example of every stored name (at its current revision), by name. */
    static Map<String, SignedEvent> all() {
        Map<String, SignedEvent> examples = new LinkedHashMap<>();
        BehaviorBundle bundle = new BehaviorBundle("You answer.", "allow: read", List.of("read", "search"));
        SubstrateSpec substrate = new SubstrateSpec("openai", "gpt-x", "gpt", Json.object().put("max_tokens", 256));
        examples.put("vacant.genesis", new VacantEvents.GenesisRecordedEvent(vacant(LogbookKind.GENESIS, 0,
                new BirthPayload(LifecycleState.ACTIVE, "ctl_demo", bundle.digest(), substrate.digest(),
                        RegistryVisibility.PUBLIC, null, null, null, null)), bundle, substrate));
        examples.put("vacant.birth", new VacantEvents.VacantBornEvent(vacant(LogbookKind.BIRTH, 0,
                new BirthPayload(LifecycleState.ACTIVE, "ctl_demo", bundle.digest(), substrate.digest(),
                        RegistryVisibility.NONE, OTHER.value(), SpawnPath.D3, null, "Answers questions.")),
                bundle, substrate));
        examples.put("vacant.published", new VacantEvents.VacantPublishedEvent(vacant(LogbookKind.PUBLISHED, 1,
                Map.of("registry_visibility", RegistryVisibility.PUBLIC))));
        examples.put("vacant.heartbeat", new VacantEvents.HeartbeatRecordedEvent(vacant(LogbookKind.HEARTBEAT, 1,
                new TransitionPayload(LifecycleState.STALE, LifecycleState.ACTIVE))));
        examples.put("vacant.call_received", new VacantEvents.CallReceivedEvent(vacant(LogbookKind.CALL_RECEIVED, 1,
                new CallPayload(OTHER.value(), LifecycleState.ACTIVE))));
        examples.put("vacant.review_received", new VacantEvents.ReviewReceivedEvent(vacant(LogbookKind.REVIEW_RECEIVED, 1,
                new ReviewPayload(OTHER.value(), "positive", 4, "Clear answers, on time."))));
        examples.put("vacant.revived", new VacantEvents.VacantRevivedEvent(vacant(LogbookKind.REVIVED, 1,
                new TransitionPayload(LifecycleState.HIBERNATING, LifecycleState.ACTIVE))));
        examples.put("vacant.archived", new VacantEvents.VacantArchivedEvent(vacant(LogbookKind.ARCHIVED, 1,
                new TransitionPayload(LifecycleState.SUNK, LifecycleState.ARCHIVED))));
        examples.put("vacant.spawn", new VacantEvents.ChildSpawnedEvent(vacant(LogbookKind.SPAWN, 1,
                new SpawnPayload(OTHER.value(), SpawnPath.D1, null, "spawn-key-1"))));
        examples.put("vacant.consent_used", new VacantEvents.SpawnConsentUsedEvent(vacant(LogbookKind.CONSENT_USED, 1,
                new ConsentUsedPayload(OTHER.value(), OTHER.value(), "nonce-1"))));
        examples.put("vacant.consent_granted", new VacantEvents.ConsentGrantedEvent(
                vacant(LogbookKind.CONSENT_GRANTED, 1, new ConsentGrantedPayload(SpawnConsent.PURPOSE, DIGEST,
                        ConsentGrantedPayload.Source.CUSTODY))));
        examples.put("vacant.dormancy_elapsed", new VacantEvents.DormancyElapsedEvent(
                vacant(LogbookKind.DORMANCY_ELAPSED, 1,
                        new TransitionPayload(LifecycleState.ACTIVE, LifecycleState.STALE))));
        examples.put("vacant.behavior_sampled", new VacantEvents.BehaviorSampledEvent(
                vacant(LogbookKind.BEHAVIOR_SAMPLED, 1, new SamplePayload(Stylo16.VERSION, DIGEST, 120,
                        new long[Stylo16.DIMENSIONS], true, null))));
        examples.put("vacant.drift_detected", new VacantEvents.DriftDetectedEvent(vacant(LogbookKind.DRIFT_DETECTED, 1,
                new DriftPayload(420, 300, DIGEST))));
        examples.put("vacant.anchor_reset", new VacantEvents.AnchorResetEvent(vacant(LogbookKind.ANCHOR_RESET, 1,
                Map.of("previous_count", 3))));
        ChildManifest manifest = ChildManifest.v2(VACANT, OTHER, SpawnPath.D2, true, List.of("read"),
                ChildManifest.Axes.SELF_GROWN, AT).signedBy(SELF, OTHER_SELF);
        examples.put("vacant.child_registered", new VacantEvents.ChildRegisteredEvent(
                vacant(LogbookKind.CHILD_REGISTERED, 1, new ManifestPayload(manifest))));
        examples.put("vacant.manifest_accepted", new VacantEvents.ManifestAcceptedEvent(
                vacant(LogbookKind.MANIFEST_ACCEPTED, 1, new ManifestPayload(manifest))));
        examples.put("vacant.allowlist_changed", new VacantEvents.AllowlistChangedEvent(
                vacant(LogbookKind.ALLOWLIST_CHANGED, 1, new AllowlistPayload(List.of(OTHER.value()), List.of()))));
        examples.put("vacant.outbound_allowed", new VacantEvents.OutboundCallAllowedEvent(
                vacant(LogbookKind.OUTBOUND_ALLOWED, 1, new OutboundPayload(OTHER.value(), OutboundRule.UNRESTRICTED,
                        null))));
        examples.put("vacant.outbound_denied", new VacantEvents.OutboundCallDeniedEvent(
                vacant(LogbookKind.OUTBOUND_DENIED, 1, new OutboundPayload(OTHER.value(), OutboundRule.NO_EXTERNAL,
                        "TREE_ONLY_DENIED"))));
        examples.put("vacant.delegated", new VacantEvents.SubtaskDelegatedEvent(vacant(LogbookKind.DELEGATED, 1,
                new DelegatedPayload("dlg_1", OTHER.value(), DIGEST, "plan_1", 0, false, null))));
        examples.put("vacant.task_received", new VacantEvents.TaskReceivedEvent(vacant(LogbookKind.TASK_RECEIVED, 1,
                new TaskReceivedPayload("dlg_1", OTHER.value(), DIGEST).leadingTo(LifecycleState.ACTIVE))));
        examples.put("vacant.delegation_completed", new VacantEvents.DelegationCompletedEvent(
                vacant(LogbookKind.DELEGATION_COMPLETED, 1, new DelegationCompletedPayload("dlg_1", OTHER.value(),
                        VACANT.value(), DIGEST, "done"))));
        CapabilityCard card = CapabilityCard.listed(VACANT, "Answers questions.", List.of("read"), OTHER.value(), TS,
                SELF);
        examples.put("vacant.graduated", new VacantEvents.ChildGraduatedEvent(vacant(LogbookKind.GRADUATED, 1,
                new GraduatedPayload(OTHER.value(), VACANT.value(), LifecycleState.ACTIVE, "Answers questions.",
                        manifest, new CollusionSignals(0, 1000, 250), card))));
        TaskSpec spec = new TaskSpec("Summarise the report.", TaskMode.LLM, List.of(), "gpt-x", 1000, 5000,
                Intensity.MEDIUM, List.of(), true, false, null, VACANT.value());
        examples.put("task.submitted", task(TaskLogbookKind.SUBMITTED, 0, TaskEvents.TaskSubmittedEvent::new,
                new TaskPayloads.Submitted(spec, "alice", TaskState.QUEUED, null, null, 3, null, null)));
        examples.put("task.unblocked", task(TaskLogbookKind.UNBLOCKED, 1, TaskEvents.TaskUnblockedEvent::new,
                new TaskPayloads.Unblocked(TaskState.QUEUED)));
        examples.put("task.dependency_failed", task(TaskLogbookKind.DEPENDENCY_FAILED, 1,
                TaskEvents.TaskDependencyFailedEvent::new,
                new TaskPayloads.DependencyFailed("task_00000000-0000-4000-8000-000000000002", TaskState.FAILED)));
        examples.put("task.subtasks_approved", task(TaskLogbookKind.SUBTASKS_APPROVED, 1,
                TaskEvents.TaskSubtasksApprovedEvent::new, new TaskPayloads.SubtasksApproved(TaskState.APPROVED)));
        examples.put("task.taken", task(TaskLogbookKind.TAKEN, 1, TaskEvents.TaskTakenEvent::new,
                new TaskPayloads.Taken("worker-1", 1, "2026-01-01T00:05:00.000Z", TaskState.IN_PROGRESS)));
        examples.put("task.lease_expired", task(TaskLogbookKind.LEASE_EXPIRED, 1,
                TaskEvents.TaskLeaseExpiredEvent::new, new TaskPayloads.LeaseExpired(1, TaskState.QUEUED)));
        examples.put("task.executed", task(TaskLogbookKind.EXECUTED, 1, TaskEvents.TaskExecutedEvent::new,
                new TaskPayloads.Executed(1, "A summary.", 1200, 300, 80, TaskState.PENDING_REVIEW)));
        examples.put("task.execution_failed", task(TaskLogbookKind.EXECUTION_FAILED, 1,
                TaskEvents.TaskExecutionFailedEvent::new,
                new TaskPayloads.ExecutionFailed(1, "budget exceeded", 5000, TaskState.FAILED)));
        examples.put("task.reviewed", task(TaskLogbookKind.REVIEWED, 1, TaskEvents.TaskReviewedEvent::new,
                new TaskPayloads.Reviewed(1, ReviewVerdict.APPROVED, "complete", TaskState.APPROVED)));
        examples.put("task.retried", task(TaskLogbookKind.RETRIED, 1, TaskEvents.TaskRetriedEvent::new,
                new TaskPayloads.Retried(2, TaskState.QUEUED)));
        examples.put("task.reward_granted", task(TaskLogbookKind.REWARD_GRANTED, 1, TaskEvents.RewardGrantedEvent::new,
                new TaskPayloads.RewardGranted(VACANT.value(), 1200)));
        examples.put("task.control_changed", new ControlChangedEvent(entry("control", 0, ControlMode.HALTED.command(),
                new ControlChangedEvent.Payload(ControlMode.HALTED, "operator"), NODE)));
        return examples;
    }

    /** Who signs entries of a stored name, as the docs say it. */
    static String signerOf(EventType type) {
        if (type.family() == EventFamily.VACANT) {
            return "the vacant";
        }
        return type.kinds().stream().filter(kind -> List.of(TaskLogbookKind.values()).stream()
                        .anyMatch(known -> known.name().equals(kind))).findFirst()
                .map(kind -> TaskLogbookKind.valueOf(kind).signer() == TaskSigner.ASSIGNEE ? "the assignee vacant"
                        : "the node").orElse("the node");
    }

    static LogbookEntry vacant(LogbookKind kind, long seq, Object payload) {
        return entry(VACANT.value(), seq, kind.name(), payload, SELF);
    }

    private static SignedEvent task(TaskLogbookKind kind, long seq, Function<LogbookEntry, SignedEvent> event,
                                    Object payload) {
        LogbookSigner signer = kind.signer() == TaskSigner.ASSIGNEE ? SELF : NODE;
        return event.apply(entry(TASK, seq, kind.name(), payload, signer));
    }

    private static LogbookEntry entry(String chain, long seq, String kind, Object payload, LogbookSigner signer) {
        ObjectNode json = Payloads.toJson(payload);
        return LogbookEntry.seal(new LogbookBody(LogbookBody.VERSION, chain, seq, kind, Timestamps.format(AT), json,
                seq == 0 ? null : PREV, signer.signerId()), signer);
    }
}
