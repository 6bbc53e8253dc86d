package dev.vacant.infra.tuple;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lanes' backlogs: the metric of the ops sent to the lanes and not yet taken up by a lane worker, and the
 * tuples waiting on an execution lane, which feed its concurrency policy.
 */
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

    /** The visible tuples of a lane in the tuple store (unexpired, not compressed or virtual agents). */
    static ToIntFunction<String> waitingTuples(JdbcTemplate jdbc, Clock clock) {
        return lane -> {
            Integer count = jdbc.queryForObject("select count(*) from tuple_entry where lane = ?"
                            + " and (lease_expires is null or lease_expires > ?)"
                            + " and (agent_state is null or agent_state = 'ACTIVE')", Integer.class, lane,
                    Timestamp.from(clock.instant()));
            return count == null ? 0 : count;
        };
    }
}
