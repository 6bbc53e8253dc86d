package dev.vacant.kernel.event;

import dev.vacant.kernel.logbook.LogbookEntry;

/**
 * An event that is one signed logbook entry: the Vacant aggregate's events, the Task aggregate's and the task loop's
 * control switches, one sealed family whose every type is a row of {@link EventTypes#STANDARD}. What the store keeps
 * of it is the entry itself ({@link StoredEntry}), named by {@link EventTypes}.
 */
public sealed interface SignedEvent permits VacantEvent, TaskEvent, ControlChangedEvent {

    LogbookEntry entry();
}
