package dev.vacant.infra.projection;

import dev.vacant.query.projection.ProjectionBatches;
import dev.vacant.query.projection.ProjectionCatalog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-model plumbing: read-your-writes with a bounded wait ({@code vacant.queries.consistency-timeout}), the
 * projections' dead-letter queue, the projections' lag as metrics and as a readiness check
 * ({@code vacant.health.projection-lag-threshold}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** Events a projections processor batch takes at most. */
    static final int PROJECTIONS_BATCH_SIZE = 250;

    @Bean
    ReadConsistency readConsistency(ProjectionPositions positions, ProjectionDeadLetters deadLetters,
                                    @Value("${vacant.queries.consistency-timeout:5s}") Duration timeout) {
        return new ReadConsistency(positions, deadLetters, timeout);
    }

    /**
     * Every projection's tracking processor ({@link ProjectionCatalog#PROCESSING_GROUP}): up to
     * {@value #PROJECTIONS_BATCH_SIZE} events per transaction when it is behind, one transaction and one token update
     * per batch for all read models together, the batch applied at once ({@code ProjectionBatches}); otherwise
     * {@link TrackingProcessors}' settings (it ignores task events). An event a projection cannot apply parks its
     * vacant's sequence in the JDBC dead-letter queue ({@code docs/architecture.md}); the dead-lettering invoker keeps
     * a cache of parked sequence ids, which spares a dead-letter lookup per event while a sequence has nothing parked,
     * and a reset clears the queue (the replay meets those events again). Registered here, not in
     * {@code application.yml}: Axon's Spring properties have no setting for the processor's wait, and it registers
     * every processor named there itself.
     */
    @Bean
    ConfigurerModule projectionsProcessor(ConnectionProvider connections, TransactionManager transactions,
                                          DeadLetterSchema schema, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(ProjectionCatalog.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        axon -> TrackingProcessors.singleThreaded(PROJECTIONS_BATCH_SIZE))
                .registerDeadLetterQueue(ProjectionCatalog.PROCESSING_GROUP,
                        axon -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(ProjectionCatalog.PROCESSING_GROUP)
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .schema(schema)
                                .genericSerializer(serializer)
                                .eventSerializer(eventSerializer)
                                .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(ProjectionCatalog.PROCESSING_GROUP,
                        (axon, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true)));
    }

    /** Measured against the real clock, as events are stamped by it. */
    @Bean
    ProjectionLag projectionLag(ProjectionPositions positions, JdbcTemplate jdbc) {
        return new ProjectionLag(positions, jdbc, Clock.systemUTC());
    }

    /**
     * {@code vacant.projection.lag.events} and {@code .seconds}, the parked dead letters
     * ({@code vacant.projection.parked.sequences} and {@code .events}) and the processor batches applied whole or
     * event by event ({@code vacant.projection.batches}, tag {@code path}), tagged with the processor.
     */
    @Bean
    MeterBinder projectionLagMetrics(ProjectionLag lag, ProjectionDeadLetters deadLetters, ProjectionBatches batches) {
        return registry -> {
            FunctionCounter.builder("vacant.projection.batches", batches, ProjectionBatches::batchesAppliedWhole)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP).tag("path", "whole")
                    .description("Processor batches applied whole, on the batched path").register(registry);
            FunctionCounter.builder("vacant.projection.batches", batches, ProjectionBatches::batchesAppliedOneByOne)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP).tag("path", "one_by_one")
                    .description("Processor batches that failed whole and were applied again event by event")
                    .register(registry);
            Gauge.builder("vacant.projection.parked.sequences", deadLetters, ProjectionDeadLetters::parkedSequences)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Sequences (vacants) parked in the projections' dead-letter queue").register(registry);
            Gauge.builder("vacant.projection.parked.events", deadLetters, ProjectionDeadLetters::parkedEvents)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Events parked in the projections' dead-letter queue").register(registry);
            Gauge.builder("vacant.projection.lag.events", lag, l -> l.current().events())
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Stored events the projections have not processed yet").baseUnit("events")
                    .register(registry);
            Gauge.builder("vacant.projection.lag.seconds", lag, l -> l.current().behind().toMillis() / 1000.0)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Age of the oldest stored event the projections have not processed yet")
                    .baseUnit("seconds").register(registry);
        };
    }

    @Bean
    ProjectionLagHealth projectionsHealthIndicator(ProjectionLag lag, ProjectionDeadLetters deadLetters,
            @Value("${vacant.health.projection-lag-threshold:60s}") Duration threshold) {
        return new ProjectionLagHealth(lag, deadLetters, threshold);
    }
}
