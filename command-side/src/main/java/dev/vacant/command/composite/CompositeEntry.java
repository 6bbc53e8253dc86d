package dev.vacant.command.composite;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.event.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.event.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.event.VacantEvents.OutboundCallAllowedEvent;
import dev.vacant.kernel.event.VacantEvents.OutboundCallDeniedEvent;
import dev.vacant.kernel.event.VacantEvents.SubtaskDelegatedEvent;
import dev.vacant.kernel.event.VacantEvents.TaskReceivedEvent;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.vacant.LogbookKind;
import java.util.function.Function;

/**
 * The entries a composite command signs on a parent's or a child's chain (through that chain's own aggregate), each
 * with the event it becomes. Which states may take them is checked before ({@link CompositeRules} and the vacants'
 * own guards).
 */
public enum CompositeEntry {
    CHILD_REGISTERED(ChildRegisteredEvent::new),
    MANIFEST_ACCEPTED(ManifestAcceptedEvent::new),
    ALLOWLIST_CHANGED(AllowlistChangedEvent::new),
    OUTBOUND_ALLOWED(OutboundCallAllowedEvent::new),
    OUTBOUND_DENIED(OutboundCallDeniedEvent::new),
    DELEGATED(SubtaskDelegatedEvent::new),
    TASK_RECEIVED(TaskReceivedEvent::new),
    DELEGATION_COMPLETED(DelegationCompletedEvent::new),
    GRADUATED(ChildGraduatedEvent::new);

    private final Function<LogbookEntry, VacantEvent> event;

    CompositeEntry(Function<LogbookEntry, VacantEvent> event) {
        this.event = event;
    }

    /** The logbook kind, named like the entry. */
    public LogbookKind kind() {
        return LogbookKind.valueOf(name());
    }

    /** The event the signed entry becomes. */
    public Function<LogbookEntry, VacantEvent> event() {
        return event;
    }
}
