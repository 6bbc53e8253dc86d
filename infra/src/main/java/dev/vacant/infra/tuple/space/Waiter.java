package dev.vacant.infra.tuple.space;

import dev.vacant.kernel.tuple.TupleOp;
import java.time.Instant;

/** A blocking {@code in} waiting on its lane until {@code deadline}. */
record Waiter(TupleOp.In op, Instant deadline) {

    boolean dueAt(Instant now) {
        return !deadline.isAfter(now);
    }
}
