package dev.vacant.infra.tuple;

import dev.vacant.command.tuple.gateway.TupleOpMeter;
import dev.vacant.kernel.tuple.TupleOp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** Times every tuple op in {@value #METRIC}, tagged with its {@code op}, {@code lane} and {@code outcome}. */
final class TupleOpTimer implements TupleOpMeter {

    /** The timer of tuple ops. */
    static final String METRIC = "vacant.tuple.ops";

    private final MeterRegistry meters;

    TupleOpTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void record(TupleOp op, String outcome, Duration took) {
        meters.timer(METRIC, "op", op.getClass().getSimpleName(), "lane", op.lane(), "outcome", outcome).record(took);
    }
}
