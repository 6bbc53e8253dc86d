package dev.vacant.command.tuple.space;

import dev.vacant.kernel.tuple.TupleOp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A blocking {@code in} waiting on its lane until {@code deadline}; persisted while it waits. The deadline is kept
 * to the microsecond, as the database keeps it, so a resumed waiter falls due exactly when the original would.
 */
public record Waiter(TupleOp.In op, Instant deadline) {

    public Waiter {
        deadline = deadline.truncatedTo(ChronoUnit.MICROS);
    }

    boolean dueAt(Instant now) {
        return !deadline.isAfter(now);
    }
}
