package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.infra.VacantApplication;
import dev.vacant.infra.support.SharedClockConfiguration;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import dev.vacant.kernel.time.MutableClock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Dormancy timers are persistent: scheduled in one application run, they fire in the next. */
@RealPostgres
class VacantTimerRestartTest {

    private static final MutableClock CLOCK = SharedClockConfiguration.CLOCK;

    private static ConfigurableApplicationContext start(PostgresDatabase db) {
        return new SpringApplicationBuilder(VacantApplication.class, SharedClockConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .profiles("postgres")
                .properties("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "vacant.timers.polling=false", "server.port=0",
                        "vacant.custody.kek=" + TestProperties.KEK)
                .run();
    }

    @Test
    void timer_scheduledBeforeARestart_firesAfterIt(PostgresDatabase db) {
        String id;
        try (ConfigurableApplicationContext first = start(db)) {
            VacantCommandResult genesis = first.getBean(CommandGateway.class).sendAndWait(new CreateGenesisCommand(
                    new Actor("ops", Role.OPERATOR), "ops", LifecycleState.ACTIVE,
                    new BehaviorBundle("p", "q", List.of()), new SubstrateSpec("a", "b", "c", Json.object())));
            id = genesis.id();
        }
        CLOCK.advance(Duration.ofHours(3));

        try (ConfigurableApplicationContext second = start(db)) {
            second.getBean(VacantTimerPoller.class).fireDue();

            List<String> kinds = second.getBean(EventStore.class).readEvents(id).asStream()
                    .map(m -> ((VacantEvent) m.getPayload()).entry().kind()).toList();
            assertThat(kinds).containsExactly("GENESIS", "DORMANCY_ELAPSED");
        }
    }
}
