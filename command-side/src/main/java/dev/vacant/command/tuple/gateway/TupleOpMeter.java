package dev.vacant.command.tuple.gateway;

import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;

/** The metrics port of the {@link TupleGateway}: told of every op, how long it took and how it ended. */
@FunctionalInterface
public interface TupleOpMeter {

    /** Records nothing (tests, tools). */
    TupleOpMeter NONE = (op, outcome, took) -> { };

    /**
     * Records one op.
     *
     * @param outcome {@link TupleGateway#OK} or the name of the error code it was rejected with
     * @param took    from the op's arrival at the gateway to its answer
     */
    void record(TupleOp op, String outcome, Duration took);
}
