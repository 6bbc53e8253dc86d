package dev.vacant.query.projection;

/** Where an event stands in the store's global order (its {@code global_index}). */
public record EventPosition(long globalIndex) {
}
