package dev.vacant.kernel.audit;

import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.AnchorResetEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.vacant.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.vacant.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.vacant.VacantEvents.OutboundCallAllowedEvent;
import dev.vacant.kernel.vacant.VacantEvents.OutboundCallDeniedEvent;
import dev.vacant.kernel.vacant.VacantEvents.SubtaskDelegatedEvent;
import dev.vacant.kernel.vacant.VacantEvents.TaskReceivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.vacant.VacantEvents.BehaviorSampledEvent;
import dev.vacant.kernel.vacant.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildSpawnedEvent;
import dev.vacant.kernel.vacant.VacantEvents.DormancyElapsedEvent;
import dev.vacant.kernel.vacant.VacantEvents.DriftDetectedEvent;
import dev.vacant.kernel.vacant.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ReviewReceivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.SpawnConsentUsedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ConsentGrantedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantArchivedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantPublishedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantRevivedEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Vacant aggregate's event types as the store names them ({@code payload_type} is the class's binary name),
 * and the logbook kinds each type may carry. Projections dispatch on the event type, which the signature does not
 * cover, so audit replay checks that the stored type agrees with the signed kind.
 */
public final class VacantEventTypes {

    /** The aggregate type Axon records in the {@code type} column of the Vacant aggregate's rows. */
    public static final String AGGREGATE_TYPE = "Vacant";

    private static final String PACKAGE_PREFIX = VacantEvent.class.getPackageName() + ".";

    private static final Map<String, Class<? extends VacantEvent>> BY_NAME = Arrays
            .stream(VacantEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(VacantEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

    private static final Map<Class<? extends VacantEvent>, Set<LogbookKind>> KINDS = Map.ofEntries(
            Map.entry(GenesisRecordedEvent.class, EnumSet.of(LogbookKind.GENESIS)),
            Map.entry(VacantBornEvent.class, EnumSet.of(LogbookKind.BIRTH)),
            Map.entry(VacantPublishedEvent.class, EnumSet.of(LogbookKind.PUBLISHED)),
            Map.entry(HeartbeatRecordedEvent.class, EnumSet.of(LogbookKind.HEARTBEAT, LogbookKind.HEARTBEAT_SUNK)),
            Map.entry(CallReceivedEvent.class, EnumSet.of(LogbookKind.CALL_RECEIVED)),
            Map.entry(ReviewReceivedEvent.class, EnumSet.of(LogbookKind.REVIEW_RECEIVED)),
            Map.entry(VacantRevivedEvent.class, EnumSet.of(LogbookKind.REVIVED)),
            Map.entry(VacantArchivedEvent.class, EnumSet.of(LogbookKind.ARCHIVED)),
            Map.entry(ChildSpawnedEvent.class, EnumSet.of(LogbookKind.SPAWN)),
            Map.entry(SpawnConsentUsedEvent.class, EnumSet.of(LogbookKind.CONSENT_USED)),
            Map.entry(ConsentGrantedEvent.class, EnumSet.of(LogbookKind.CONSENT_GRANTED)),
            Map.entry(DormancyElapsedEvent.class, EnumSet.of(LogbookKind.DORMANCY_ELAPSED)),
            Map.entry(BehaviorSampledEvent.class, EnumSet.of(LogbookKind.BEHAVIOR_SAMPLED)),
            Map.entry(DriftDetectedEvent.class, EnumSet.of(LogbookKind.DRIFT_DETECTED)),
            Map.entry(AnchorResetEvent.class, EnumSet.of(LogbookKind.ANCHOR_RESET)),
            Map.entry(ChildRegisteredEvent.class, EnumSet.of(LogbookKind.CHILD_REGISTERED)),
            Map.entry(ManifestAcceptedEvent.class, EnumSet.of(LogbookKind.MANIFEST_ACCEPTED)),
            Map.entry(AllowlistChangedEvent.class, EnumSet.of(LogbookKind.ALLOWLIST_CHANGED)),
            Map.entry(OutboundCallAllowedEvent.class, EnumSet.of(LogbookKind.OUTBOUND_ALLOWED)),
            Map.entry(OutboundCallDeniedEvent.class, EnumSet.of(LogbookKind.OUTBOUND_DENIED)),
            Map.entry(SubtaskDelegatedEvent.class, EnumSet.of(LogbookKind.DELEGATED)),
            Map.entry(TaskReceivedEvent.class, EnumSet.of(LogbookKind.TASK_RECEIVED)),
            Map.entry(DelegationCompletedEvent.class, EnumSet.of(LogbookKind.DELEGATION_COMPLETED)),
            Map.entry(ChildGraduatedEvent.class, EnumSet.of(LogbookKind.GRADUATED)));

    private VacantEventTypes() {
    }

    /**
     * Whether a row belongs to a vacant's chain: its aggregate type is {@value #AGGREGATE_TYPE} or its payload type
     * lies in the events' package (either column alone suffices, so tampering with one cannot hide a row).
     */
    public static boolean isVacantRow(StoredEvent row) {
        return AGGREGATE_TYPE.equals(row.aggregateType()) || row.payloadType().startsWith(PACKAGE_PREFIX);
    }

    /** The event class a stored {@code payload_type} names, if it is one of the Vacant aggregate's events. */
    public static Optional<Class<? extends VacantEvent>> classOf(String payloadType) {
        return Optional.ofNullable(BY_NAME.get(payloadType));
    }

    /** The kinds an event type may carry (empty for a type without a mapping). */
    public static Set<LogbookKind> kindsOf(Class<? extends VacantEvent> type) {
        return KINDS.getOrDefault(type, Set.of());
    }

    /** Whether {@code event}'s type may carry the signed {@code kind}. */
    static boolean carries(VacantEvent event, String kind) {
        return kindsOf(event.getClass()).stream().anyMatch(allowed -> allowed.name().equals(kind));
    }
}
