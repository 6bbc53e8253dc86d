package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * One row of {@link EventTypes}: the stable stored name and revision of an event type ({@code payload_type},
 * {@code payload_revision}), the Java type it reads into, the signed kinds it may carry and how to build it from its
 * entry (and, for {@link Attached} events, their attachments).
 */
public record EventType(String name, int revision, Class<? extends SignedEvent> type, Set<String> kinds,
                        boolean attached, Factory factory) {

    /** Builds the event from its entry and the attachments found beside it (digest to content). */
    @FunctionalInterface
    public interface Factory {
        SignedEvent create(LogbookEntry entry, Map<String, JsonNode> attachments);
    }

    public EventType {
        kinds = Set.copyOf(kinds);
    }

    /** The {@code payload_revision} text. */
    public String revisionText() {
        return Integer.toString(revision);
    }

    /** This row at {@code next}, a later revision of the same name, type, kinds and factory. */
    public EventType revised(int next) {
        return new EventType(name, next, type, kinds, attached, factory);
    }

    /** The family of chains the name belongs to. */
    public EventFamily family() {
        return Arrays.stream(EventFamily.values()).filter(family -> family.names(name)).findFirst().orElseThrow();
    }

    /** Whether this type may carry the signed {@code kind}. */
    public boolean carries(String kind) {
        return kinds.contains(kind);
    }

    /** The event of {@code entry}; fails when an attached event's attachments are missing or do not match. */
    public SignedEvent create(LogbookEntry entry, Map<String, JsonNode> attachments) {
        return factory.create(entry, attachments);
    }
}
