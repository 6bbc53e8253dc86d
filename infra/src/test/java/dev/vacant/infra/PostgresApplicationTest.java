package dev.vacant.infra;

import dev.vacant.infra.support.OperatorMockMvc;
import dev.vacant.infra.support.TestDelegationExecutor;
import dev.vacant.infra.support.TestClockConfiguration;
import dev.vacant.infra.support.TestProperties;
import org.springframework.context.annotation.Import;
import dev.vacant.kernel.testing.RealPostgres;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests of the {@code postgres} profile on a real PostgreSQL (see {@link RealPostgres}).
 * Every subclass shares one application context, on a real port, with a hand-moved clock and the
 * timer poller off (tests fire timers explicitly).
 */
@RealPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vacant.timers.polling=false",
        "vacant.custody.kek=" + TestProperties.KEK,
        "vacant.checkpoints.interval=1s",
        // delegations nobody answers (most tests complete by hand, or not at all) never time out during a run
        "vacant.composites.delegation-timeout=1d",
        "vacant.checkpoints.witnesses=" + TestProperties.WITNESS_KEY,
        "vacant.tasks.allowed-models=test-model",
        "vacant.tasks.spending-limit-micros=30000000",
        // tests drive tasks by hand; TaskExecutionTest runs them on the lane
        "vacant.tasks.execution.enabled=false",
        // every context is a deployment of its own: contexts share the database, and each keeps its own waiters
        "vacant.lanes.deployment=test-${random.uuid}"})
@AutoConfigureMockMvc
// metrics are exported as in production (Spring Boot's tests turn exporters off), so /actuator/prometheus is served
@AutoConfigureObservability(tracing = false)
@Import({TestClockConfiguration.class, OperatorMockMvc.class, TestDelegationExecutor.class})
@ActiveProfiles("postgres")
public abstract class PostgresApplicationTest {
}
