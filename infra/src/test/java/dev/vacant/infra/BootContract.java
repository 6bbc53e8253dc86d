package dev.vacant.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.gson.Gson;
import dev.vacant.command.task.Task;
import dev.vacant.command.task.TaskControl;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.infra.command.CachedCommandTargetResolver;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.task.TaskProjection;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.websocket.servlet.TomcatWebSocketServletWebServerCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** What every boot of the app must show, on H2 and on PostgreSQL alike. */
interface BootContract {

    /** The booted application. */
    ApplicationContext context();

    default MockMvc mvc() {
        return context().getBean(MockMvc.class);
    }

    default JdbcTemplate jdbc() {
        return context().getBean(JdbcTemplate.class);
    }

    default Flyway flyway() {
        return context().getBean(Flyway.class);
    }

    @Test
    default void health_isUp_afterBoot() throws Exception {
        mvc().perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    default void flyway_appliesEveryMigrationOnTheClasspathSuccessfully() {
        MigrationInfo[] migrations = flyway().info().all();
        List<String> applied = jdbc().queryForList(
                "select version from flyway_schema_history where version is not null and success", String.class);
        List<String> failed = jdbc().queryForList(
                "select version from flyway_schema_history where version is not null and not success", String.class);

        assertThat(migrations).isNotEmpty().allMatch(migration -> migration.getState() == MigrationState.SUCCESS);
        assertThat(applied).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(migrations).map(migration -> migration.getVersion().getVersion()).toList());
        assertThat(failed).isEmpty();
    }

    /** Auto-configurations the app does not use are excluded: they cost start time and build nothing it needs. */
    @Test
    default void unusedAutoConfigurations_buildNothing() {
        assertThat(context().getBeanNamesForType(Gson.class)).isEmpty();
        assertThat(context().getBeanNamesForType(TomcatWebSocketServletWebServerCustomizer.class)).isEmpty();
    }

    /**
     * Axon's message timeouts are off: they take a stack trace and schedule a task for every handler invocation and
     * unit of work (docs/performance.md, "Session 8"), so neither their handler wrapper nor their configurer exists.
     */
    @Test
    default void axonMessageTimeouts_areOff() {
        assertThat(context().getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context().containsBean("axonTimeoutConfigurerModule")).isFalse();
    }

    /**
     * The event store keeps the newest thousand events in memory for the tailing processors, not Axon's ten thousand
     * (which lived through several young collections under load), and it is the only event bus.
     */
    @Test
    default void eventStore_cachesAThousandEventsForTheTailingProcessors() {
        assertThat(context().getBeansOfType(EventBus.class)).containsOnlyKeys("eventBus");
        assertThat(context().getBean(EmbeddedEventStore.class)).hasFieldOrPropertyWithValue("producer.cachedEvents", 1000);
    }

    /**
     * Both tracking processors store their token past the events they ignore (the tasks processor every vacant's, the
     * projections processor the tasks') after a fifth of a second without one they handle, not Axon's second; the
     * projections processor keeps its JDBC dead-letter queue, registered with it in code.
     */
    @Test
    default void trackingProcessors_storeTheirTokenPastIgnoredEventsAfterAFifthOfASecond() {
        EventProcessingConfiguration processing = context().getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessor(TaskProjection.PROCESSING_GROUP, TrackingEventProcessor.class)).get()
                .hasFieldOrPropertyWithValue("eventAvailabilityTimeout", 200)
                .hasFieldOrPropertyWithValue("batchSize", 100);
        assertThat(processing.eventProcessor(ProjectionCatalog.PROCESSING_GROUP, TrackingEventProcessor.class)).get()
                .hasFieldOrPropertyWithValue("eventAvailabilityTimeout", 200)
                .hasFieldOrPropertyWithValue("batchSize", 250);
        assertThat(processing.deadLetterQueue(ProjectionCatalog.PROCESSING_GROUP)).get()
                .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
    }

    /** Every aggregate resolves its commands' targets with the members looked up once per command class. */
    @Test
    default void aggregates_resolveCommandTargetsWithTheCachedResolver() {
        org.axonframework.config.Configuration axon = context().getBean(org.axonframework.config.Configuration.class);
        for (Class<?> aggregate : List.of(Vacant.class, Task.class, TaskControl.class)) {
            Object resolver = ReflectionTestUtils.getField(axon.aggregateConfiguration(aggregate), "commandTargetResolver");
            assertThat(((org.axonframework.config.Component<?>) resolver).get()).as(aggregate.getSimpleName())
                    .isInstanceOf(CachedCommandTargetResolver.class);
        }
    }
}
