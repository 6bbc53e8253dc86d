package dev.vacant.command.vacant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The timer port kept in a map, so tests can read what was scheduled, and every write in order. */
final class RecordingTimers implements VacantTimers {

    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(String vacantId, Instant at) {
        due.put(vacantId, at);
        writes.add("schedule " + vacantId + " " + at);
    }

    @Override
    public void cancel(String vacantId) {
        due.remove(vacantId);
        writes.add("cancel " + vacantId);
    }

    /** Every write since the last {@link #clearWrites}, in order: {@code schedule <id> <due>} or {@code cancel <id>}. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    void clearWrites() {
        writes.clear();
    }

    Optional<Instant> dueOf(String vacantId) {
        return Optional.ofNullable(due.get(vacantId));
    }
}
