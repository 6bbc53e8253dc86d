package dev.vacant.command.vacant;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The timer port kept in a map, so tests can read what the aggregate scheduled. */
final class RecordingTimers implements VacantTimers {

    private final Map<String, Instant> due = new ConcurrentHashMap<>();

    @Override
    public void schedule(String vacantId, Instant at) {
        due.put(vacantId, at);
    }

    @Override
    public void cancel(String vacantId) {
        due.remove(vacantId);
    }

    Optional<Instant> dueOf(String vacantId) {
        return Optional.ofNullable(due.get(vacantId));
    }
}
