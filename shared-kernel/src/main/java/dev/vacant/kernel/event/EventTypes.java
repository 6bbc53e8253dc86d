package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.vacant.LogbookKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one table of signed event types: (stored name, revision) to Java type, the signed kinds each may carry and how
 * it is built from its entry. The store names events by this table only ({@code payload_type} is the stable name,
 * never a class name), and audit replay checks that a row's name may carry the kind its entry signs.
 * <p>
 * A name may have several revisions, all readable (audit replay verifies every stored row under the revision it was
 * signed at); the highest is its <em>current</em> revision, the one new events are written at and the one the
 * aggregates and projections read ({@link #lift}: an upcaster relabels an older row, whose signed bytes never change,
 * so a revision may only add optional payload fields).
 */
public final class EventTypes {

    /** The table the application stores and reads by. */
    public static final EventTypes STANDARD = new EventTypes(List.of(
            attached("vacant.genesis", VacantEvents.GenesisRecordedEvent.class, VacantEvents.GenesisRecordedEvent::of,
                    LogbookKind.GENESIS),
            attached("vacant.birth", VacantEvents.VacantBornEvent.class, VacantEvents.VacantBornEvent::of,
                    LogbookKind.BIRTH),
            vacant("vacant.published", VacantEvents.VacantPublishedEvent.class, VacantEvents.VacantPublishedEvent::new,
                    LogbookKind.PUBLISHED),
            vacant("vacant.heartbeat", VacantEvents.HeartbeatRecordedEvent.class,
                    VacantEvents.HeartbeatRecordedEvent::new, LogbookKind.HEARTBEAT, LogbookKind.HEARTBEAT_SUNK),
            vacant("vacant.call_received", VacantEvents.CallReceivedEvent.class, VacantEvents.CallReceivedEvent::new,
                    LogbookKind.CALL_RECEIVED),
            vacant("vacant.review_received", VacantEvents.ReviewReceivedEvent.class,
                    VacantEvents.ReviewReceivedEvent::new, LogbookKind.REVIEW_RECEIVED),
            vacant("vacant.review_received", VacantEvents.ReviewReceivedEvent.class,
                    VacantEvents.ReviewReceivedEvent::new, LogbookKind.REVIEW_RECEIVED).revised(2),
            vacant("vacant.revived", VacantEvents.VacantRevivedEvent.class, VacantEvents.VacantRevivedEvent::new,
                    LogbookKind.REVIVED),
            vacant("vacant.archived", VacantEvents.VacantArchivedEvent.class, VacantEvents.VacantArchivedEvent::new,
                    LogbookKind.ARCHIVED),
            vacant("vacant.spawn", VacantEvents.ChildSpawnedEvent.class, VacantEvents.ChildSpawnedEvent::new,
                    LogbookKind.SPAWN),
            vacant("vacant.consent_used", VacantEvents.SpawnConsentUsedEvent.class,
                    VacantEvents.SpawnConsentUsedEvent::new, LogbookKind.CONSENT_USED),
            vacant("vacant.consent_granted", VacantEvents.ConsentGrantedEvent.class,
                    VacantEvents.ConsentGrantedEvent::new, LogbookKind.CONSENT_GRANTED),
            vacant("vacant.dormancy_elapsed", VacantEvents.DormancyElapsedEvent.class,
                    VacantEvents.DormancyElapsedEvent::new, LogbookKind.DORMANCY_ELAPSED),
            vacant("vacant.behavior_sampled", VacantEvents.BehaviorSampledEvent.class,
                    VacantEvents.BehaviorSampledEvent::new, LogbookKind.BEHAVIOR_SAMPLED),
            vacant("vacant.drift_detected", VacantEvents.DriftDetectedEvent.class,
                    VacantEvents.DriftDetectedEvent::new, LogbookKind.DRIFT_DETECTED),
            vacant("vacant.anchor_reset", VacantEvents.AnchorResetEvent.class, VacantEvents.AnchorResetEvent::new,
                    LogbookKind.ANCHOR_RESET),
            vacant("vacant.child_registered", VacantEvents.ChildRegisteredEvent.class,
                    VacantEvents.ChildRegisteredEvent::new, LogbookKind.CHILD_REGISTERED),
            vacant("vacant.manifest_accepted", VacantEvents.ManifestAcceptedEvent.class,
                    VacantEvents.ManifestAcceptedEvent::new, LogbookKind.MANIFEST_ACCEPTED),
            vacant("vacant.allowlist_changed", VacantEvents.AllowlistChangedEvent.class,
                    VacantEvents.AllowlistChangedEvent::new, LogbookKind.ALLOWLIST_CHANGED),
            vacant("vacant.outbound_allowed", VacantEvents.OutboundCallAllowedEvent.class,
                    VacantEvents.OutboundCallAllowedEvent::new, LogbookKind.OUTBOUND_ALLOWED),
            vacant("vacant.outbound_denied", VacantEvents.OutboundCallDeniedEvent.class,
                    VacantEvents.OutboundCallDeniedEvent::new, LogbookKind.OUTBOUND_DENIED),
            vacant("vacant.delegated", VacantEvents.SubtaskDelegatedEvent.class,
                    VacantEvents.SubtaskDelegatedEvent::new, LogbookKind.DELEGATED),
            vacant("vacant.task_received", VacantEvents.TaskReceivedEvent.class, VacantEvents.TaskReceivedEvent::new,
                    LogbookKind.TASK_RECEIVED),
            vacant("vacant.delegation_completed", VacantEvents.DelegationCompletedEvent.class,
                    VacantEvents.DelegationCompletedEvent::new, LogbookKind.DELEGATION_COMPLETED),
            vacant("vacant.graduated", VacantEvents.ChildGraduatedEvent.class, VacantEvents.ChildGraduatedEvent::new,
                    LogbookKind.GRADUATED),
            task("task.submitted", TaskEvents.TaskSubmittedEvent.class, TaskEvents.TaskSubmittedEvent::new,
                    TaskLogbookKind.SUBMITTED),
            task("task.unblocked", TaskEvents.TaskUnblockedEvent.class, TaskEvents.TaskUnblockedEvent::new,
                    TaskLogbookKind.UNBLOCKED),
            task("task.dependency_failed", TaskEvents.TaskDependencyFailedEvent.class,
                    TaskEvents.TaskDependencyFailedEvent::new, TaskLogbookKind.DEPENDENCY_FAILED),
            task("task.subtasks_approved", TaskEvents.TaskSubtasksApprovedEvent.class,
                    TaskEvents.TaskSubtasksApprovedEvent::new, TaskLogbookKind.SUBTASKS_APPROVED),
            task("task.taken", TaskEvents.TaskTakenEvent.class, TaskEvents.TaskTakenEvent::new, TaskLogbookKind.TAKEN),
            task("task.lease_expired", TaskEvents.TaskLeaseExpiredEvent.class, TaskEvents.TaskLeaseExpiredEvent::new,
                    TaskLogbookKind.LEASE_EXPIRED),
            task("task.executed", TaskEvents.TaskExecutedEvent.class, TaskEvents.TaskExecutedEvent::new,
                    TaskLogbookKind.EXECUTED),
            task("task.execution_failed", TaskEvents.TaskExecutionFailedEvent.class,
                    TaskEvents.TaskExecutionFailedEvent::new, TaskLogbookKind.EXECUTION_FAILED),
            task("task.reviewed", TaskEvents.TaskReviewedEvent.class, TaskEvents.TaskReviewedEvent::new,
                    TaskLogbookKind.REVIEWED),
            task("task.retried", TaskEvents.TaskRetriedEvent.class, TaskEvents.TaskRetriedEvent::new,
                    TaskLogbookKind.RETRIED),
            task("task.reward_granted", TaskEvents.RewardGrantedEvent.class, TaskEvents.RewardGrantedEvent::new,
                    TaskLogbookKind.REWARD_GRANTED),
            row("task.control_changed", ControlChangedEvent.class, ControlChangedEvent::new,
                    Arrays.stream(ControlMode.values()).map(ControlMode::command).toArray(String[]::new))));

    private final List<EventType> rows;
    private final Map<String, EventType> byNameAndRevision = new LinkedHashMap<>();
    private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();

    /**
     * A table of {@code rows}; each (name, revision) appears once, and a Java type under one name only (its revisions
     * in ascending order, the last one current).
     */
    public EventTypes(List<EventType> rows) {
        this.rows = List.copyOf(rows);
        for (EventType row : this.rows) {
            EventType earlier = byClass.put(row.type(), row);
            if (byNameAndRevision.put(key(row.name(), row.revisionText()), row) != null || earlier != null
                    && (!earlier.name().equals(row.name()) || earlier.revision() >= row.revision())) {
                throw new IllegalArgumentException("the event table names " + row.name() + " or "
                        + row.type().getName() + " twice");
            }
        }
    }

    /** Every row, in table order. */
    public List<EventType> rows() {
        return rows;
    }

    /** The row a stored name and revision name. */
    public Optional<EventType> of(String name, String revision) {
        return Optional.ofNullable(byNameAndRevision.get(key(name, revision)));
    }

    /** The row new events of {@code type} are stored under: its name's current revision. */
    public Optional<EventType> of(Class<?> type) {
        return Optional.ofNullable(byClass.get(type));
    }

    /** Whether {@code row} is its name's current revision (the one written, and the one aggregates read). */
    public boolean isCurrent(EventType row) {
        return byClass.get(row.type()) == row;
    }

    /**
     * The current row a stored (name, revision) reads as, when it is an older revision of a known name: what an
     * upcaster relabels it to. Empty for a current or unknown row.
     */
    public Optional<EventType> lift(String name, String revision) {
        return of(name, revision).filter(row -> !isCurrent(row)).map(row -> byClass.get(row.type()));
    }

    private static String key(String name, String revision) {
        return name + "#" + revision;
    }

    private static EventType vacant(String name, Class<? extends SignedEvent> type,
                                    Function<LogbookEntry, SignedEvent> factory, LogbookKind... kinds) {
        return row(name, type, factory, Arrays.stream(kinds).map(Enum::name).toArray(String[]::new));
    }

    private static EventType task(String name, Class<? extends SignedEvent> type,
                                  Function<LogbookEntry, SignedEvent> factory, TaskLogbookKind kind) {
        return row(name, type, factory, kind.name());
    }

    private static EventType row(String name, Class<? extends SignedEvent> type,
                                 Function<LogbookEntry, SignedEvent> factory, String... kinds) {
        return new EventType(name, 1, type, Set.of(kinds), false,
                (entry, attachments) -> factory.apply(entry));
    }

    private static EventType attached(String name, Class<? extends SignedEvent> type,
                                      BiFunction<LogbookEntry, Map<String, JsonNode>,
                                              SignedEvent> factory, LogbookKind kind) {
        return new EventType(name, 1, type, Set.of(kind.name()), true, factory::apply);
    }
}
