package dev.vacant.infra.projection;

import dev.vacant.query.projection.ProjectionCatalog;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Read-model plumbing: read-your-writes with a bounded wait ({@code vacant.queries.consistency-timeout}), and the
 * projections' dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ReadConsistency readConsistency(ProjectionPositions positions, ProjectionDeadLetters deadLetters,
                                    @Value("${vacant.queries.consistency-timeout:5s}") Duration timeout) {
        return new ReadConsistency(positions, deadLetters, timeout);
    }

    /**
     * The projections' dead-lettering invoker: a cache of parked sequence ids spares a dead-letter lookup per event
     * while a sequence has nothing parked, and a reset clears the queue (the replay meets those events again).
     * (Set here rather than with {@code dlq.cache.enabled}: Axon keeps one such setting per processing group.)
     */
    @Bean
    ConfigurerModule projectionDeadLetterInvoker() {
        return configurer -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                ProjectionCatalog.PROCESSING_GROUP,
                (axon, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
    }
}
