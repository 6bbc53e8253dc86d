package dev.vacant.command.composite;

import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.vacant.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.vacant.VacantEvents.OutboundCallAllowedEvent;
import dev.vacant.kernel.vacant.VacantEvents.OutboundCallDeniedEvent;
import dev.vacant.kernel.vacant.VacantEvents.SubtaskDelegatedEvent;
import dev.vacant.kernel.vacant.VacantEvents.TaskReceivedEvent;
import java.util.function.Function;

/**
 * The entries a composite command signs on a parent's or a child's chain (through that chain's own aggregate), each
 * with the event it becomes and whether only an awake vacant (neither SUNK nor ARCHIVED) takes it.
 */
public enum CompositeEntry {
    CHILD_REGISTERED(ChildRegisteredEvent::new, false),
    MANIFEST_ACCEPTED(ManifestAcceptedEvent::new, false),
    ALLOWLIST_CHANGED(AllowlistChangedEvent::new, false),
    OUTBOUND_ALLOWED(OutboundCallAllowedEvent::new, false),
    OUTBOUND_DENIED(OutboundCallDeniedEvent::new, false),
    DELEGATED(SubtaskDelegatedEvent::new, false),
    TASK_RECEIVED(TaskReceivedEvent::new, false),
    DELEGATION_COMPLETED(DelegationCompletedEvent::new, true),
    GRADUATED(ChildGraduatedEvent::new, false);

    private final Function<LogbookEntry, VacantEvent> event;
    private final boolean awakeOnly;

    CompositeEntry(Function<LogbookEntry, VacantEvent> event, boolean awakeOnly) {
        this.event = event;
        this.awakeOnly = awakeOnly;
    }

    /** The logbook kind, named like the entry. */
    public LogbookKind kind() {
        return LogbookKind.valueOf(name());
    }

    /** The event the signed entry becomes. */
    public Function<LogbookEntry, VacantEvent> event() {
        return event;
    }

    /** Whether a SUNK or ARCHIVED vacant refuses the entry ({@code INVALID_TRANSITION}). */
    public boolean awakeOnly() {
        return awakeOnly;
    }
}
