package dev.vacant.kernel.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.event.Attached;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed histories stored as Axon stores them (the canonical signed entry by its stable name, attachments in the
 * metadata), for the audit tests (shipped in the test-jar).
 */
public final class StoredHistory {

    /** The first event's time. */
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private StoredHistory() {
    }

    /** The row Axon would store for {@code event} at {@code globalIndex}. */
    public static StoredEvent row(long globalIndex, VacantEvent event) {
        return row(globalIndex, event, "Vacant");
    }

    /** The row Axon would store for {@code event} of an aggregate of type {@code aggregateType}. */
    public static StoredEvent row(long globalIndex, SignedEvent event, String aggregateType) {
        EventType type = EventTypes.STANDARD.of(event.getClass()).orElseThrow();
        return new StoredEvent(globalIndex, event.entry().body().vacant(), event.entry().seq(), aggregateType,
                type.name(), type.revisionText(), StoredEntry.encode(event.entry()), metaData(event));
    }

    /** The metadata Axon would store beside {@code event}: its attachments, if any. */
    public static byte[] metaData(SignedEvent event) {
        ObjectNode metaData = Json.object();
        if (event instanceof Attached attached) {
            metaData.set(Attached.META_DATA_KEY, Json.mapper().valueToTree(Attached.toMetaData(attached)));
        }
        return Json.write(metaData).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code vacants} chains of {@code entries} events each (genesis, then heartbeats and calls), interleaved
     * round-robin in global order from index 1.
     */
    public static List<StoredEvent> interleaved(int vacants, int entries) {
        List<FixtureVacant> writers = new ArrayList<>();
        for (int i = 0; i < vacants; i++) {
            writers.add(new FixtureVacant());
        }
        List<StoredEvent> rows = new ArrayList<>();
        for (int seq = 0; seq < entries; seq++) {
            Instant at = T0.plusSeconds(60L * seq);
            for (FixtureVacant writer : writers) {
                VacantEvent event = seq == 0 ? writer.genesis(at)
                        : seq % 2 == 0 ? writer.call(at, writers.get(0).id()) : writer.heartbeat(at);
                rows.add(row(rows.size() + 1, event));
            }
        }
        return rows;
    }
}
