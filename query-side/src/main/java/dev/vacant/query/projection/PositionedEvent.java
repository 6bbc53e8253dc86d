package dev.vacant.query.projection;

import dev.vacant.kernel.event.VacantEvent;

/** An event with its place in the store's global order, as projectors apply it. */
public record PositionedEvent(VacantEvent event, EventPosition position) {
}
