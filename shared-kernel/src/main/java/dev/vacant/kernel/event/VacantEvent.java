package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.LogbookKind;

/**
 * Marker of the Vacant aggregate's events. Each carries one signed logbook entry holding all of its data;
 * events that introduce a bundle or substrate carry their content beside the entry, verifiable against the
 * digests the signed payload names.
 */
public sealed interface VacantEvent extends SignedEvent permits VacantEvents.GenesisRecordedEvent, VacantEvents.VacantBornEvent,
        VacantEvents.VacantPublishedEvent, VacantEvents.HeartbeatRecordedEvent, VacantEvents.CallReceivedEvent,
        VacantEvents.ReviewReceivedEvent, VacantEvents.VacantRevivedEvent, VacantEvents.VacantArchivedEvent,
        VacantEvents.ChildSpawnedEvent, VacantEvents.SpawnConsentUsedEvent, VacantEvents.ConsentGrantedEvent,
        VacantEvents.DormancyElapsedEvent,
        VacantEvents.BehaviorSampledEvent, VacantEvents.DriftDetectedEvent, VacantEvents.AnchorResetEvent,
        VacantEvents.ChildRegisteredEvent, VacantEvents.ManifestAcceptedEvent, VacantEvents.AllowlistChangedEvent,
        VacantEvents.OutboundCallAllowedEvent, VacantEvents.OutboundCallDeniedEvent, VacantEvents.SubtaskDelegatedEvent,
        VacantEvents.TaskReceivedEvent, VacantEvents.DelegationCompletedEvent, VacantEvents.ChildGraduatedEvent {


    /** The id of the vacant whose chain the entry belongs to. */
    default String vacantId() {
        return entry().body().vacant();
    }

    /** The entry's kind. */
    default LogbookKind kind() {
        return LogbookKind.valueOf(entry().kind());
    }

    /**
     * The lifecycle state the entry records as the one it led to, in its kind's {@link LogbookKind#stateField()}
     * ({@code state} for births and a child's GRADUATED, {@code to} for transitions, calls and tasks), if any.
     */
    default LifecycleState namedState() {
        JsonNode payload = entry().body().payload();
        return kind().stateField().map(payload::get).filter(JsonNode::isTextual)
                .map(state -> LifecycleState.valueOf(state.asText())).orElse(null);
    }
}
