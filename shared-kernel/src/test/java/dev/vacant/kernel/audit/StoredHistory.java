package dev.vacant.kernel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.vacant.VacantEvent;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed histories stored as Axon stores them (the Jackson JSON of each event record, by class name), for the
 * audit tests (shipped in the test-jar).
 */
public final class StoredHistory {

    /** The first event's time. */
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private StoredHistory() {
    }

    /** The row Axon would store for {@code event} at {@code globalIndex}. */
    public static StoredEvent row(long globalIndex, VacantEvent event) {
        try {
            return new StoredEvent(globalIndex, event.vacantId(), event.entry().seq(), VacantEventTypes.AGGREGATE_TYPE,
                    event.getClass().getName(), Json.mapper().writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
