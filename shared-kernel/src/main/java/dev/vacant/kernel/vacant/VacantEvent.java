package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;

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

    /** The lifecycle state the payload names in its {@code state} field (births, a child's GRADUATED), if any. */
    default LifecycleState namedState() {
        if (kind() != LogbookKind.GENESIS && kind() != LogbookKind.BIRTH && kind() != LogbookKind.GRADUATED) {
            return null;
        }
        JsonNode state = entry().body().payload().get("state");
        return state == null || !state.isTextual() ? null : LifecycleState.valueOf(state.asText());
    }
}
