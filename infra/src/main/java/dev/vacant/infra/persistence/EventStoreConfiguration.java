package dev.vacant.infra.persistence;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC event storage engine and embedded event store, built as Axon's auto-configuration builds them, except
 * for how many of the newest events the store keeps in memory for the processors that tail it:
 * {@code vacant.event-store.cached-events} (1,000; Axon's default is 10,000). A cached event lives until that many
 * newer events have been appended: with 10,000, several seconds under command load, so every young collection copied
 * the cache's events from survivor space to survivor space and then into the old generation
 * ({@code docs/performance.md}, "Session 8"). A processor further behind than the cache reads the store itself, as
 * before, until it has caught up. (Axon's auto-configuration builds the engine only when no event bus is defined,
 * so it is defined here as well, with the same settings.) Its inserts return each event's global index
 * ({@link AppendedPositions}): a command's answer names its entry's position without a query; and a read from where
 * a read reached the tail of this node's events is answered without a query while this node has committed nothing
 * since ({@link TailAwareStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** How long a read that reached the tail answers a read from its end ({@link TailAwareStorageEngine}). */
    static final long TAIL_WINDOW_MILLIS = 50;

    /** The positions of the events this node appends, read back from their insert (4,096 kept until asked for). */
    @Bean
    AppendedPositions appendedPositions() {
        return new AppendedPositions(4096);
    }

    @Bean
    TailAwareStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver duplicates,
                                              AppendedPositions appended,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              org.axonframework.config.Configuration axon,
                                              ConnectionProvider connections, TransactionManager transactions,
                                              EventSchema schema) {
        return new TailAwareStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(duplicates)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema), appended, TAIL_WINDOW_MILLIS);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(TailAwareStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${vacant.event-store.cached-events:1000}") int cachedEvents) {
        return new TailAwareStorageEngine.Store(EmbeddedEventStore.builder()
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents), storageEngine);
    }
}
