package dev.vacant.kernel.vacant;

import dev.vacant.kernel.logbook.LogbookEntry;

/**
 * Marker of the Vacant aggregate's events. Each carries one signed logbook entry holding all of its data;
 * events that introduce a bundle or substrate carry their content beside the entry, verifiable against the
 * digests the signed payload names.
 */
public sealed interface VacantEvent permits VacantEvents.GenesisRecordedEvent, VacantEvents.VacantBornEvent,
        VacantEvents.VacantPublishedEvent, VacantEvents.HeartbeatRecordedEvent, VacantEvents.CallReceivedEvent,
        VacantEvents.ReviewReceivedEvent, VacantEvents.VacantRevivedEvent, VacantEvents.VacantArchivedEvent,
        VacantEvents.ChildSpawnedEvent, VacantEvents.SpawnConsentUsedEvent, VacantEvents.DormancyElapsedEvent,
        VacantEvents.BehaviorSampledEvent, VacantEvents.DriftDetectedEvent, VacantEvents.AnchorResetEvent {

    LogbookEntry entry();

    /** The id of the vacant whose chain the entry belongs to. */
    default String vacantId() {
        return entry().body().vacant();
    }

    /** The entry's kind. */
    default LogbookKind kind() {
        return LogbookKind.valueOf(entry().kind());
    }
}
