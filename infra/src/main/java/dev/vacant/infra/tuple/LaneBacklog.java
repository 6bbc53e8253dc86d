package dev.vacant.infra.tuple;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.LongSupplier;

/** The lane backlog metric: ops sent to the lanes and not yet taken up by a lane worker. */
final class LaneBacklog {

    /** The gauge's name. */
    static final String METRIC = "vacant.lanes.backlog";

    private LaneBacklog() {
    }

    /** {@value #METRIC}, read from {@code ops} at each scrape. */
    static MeterBinder gauge(LongSupplier ops) {
        return registry -> Gauge.builder(METRIC, ops, LongSupplier::getAsLong)
                .description("Tuple ops sent to the lanes and not yet taken up by a lane worker")
                .baseUnit("ops")
                .register(registry);
    }
}
