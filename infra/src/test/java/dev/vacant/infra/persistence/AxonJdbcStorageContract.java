package dev.vacant.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.projection.ProjectionPositions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Round trips through Axon's JDBC stores on the Flyway-created tables, run on each database by the
 * implementing test class.
 */
interface AxonJdbcStorageContract {

    /** An event payload of the round trip. */
    record ProbeHappened(String text, int number) {
    }

    @Test
    default void appendedEvent_readsBackIntact_throughTheEventStorageEngine(@Autowired EventStorageEngine engine) {
        String aggregateId = UUID.randomUUID().toString();
        engine.appendEvents(new GenericDomainEventMessage<>("Probe", aggregateId, 0,
                new ProbeHappened("bytes survive", 42), MetaData.with("origin", "test")));

        List<? extends DomainEventMessage<?>> events = engine.readEvents(aggregateId).asStream().toList();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isEqualTo(new ProbeHappened("bytes survive", 42));
            assertThat(event.getMetaData()).containsEntry("origin", "test");
            assertThat(event.getSequenceNumber()).isZero();
        });
    }

    @Test
    default void appendedEvents_answerTheirStoredGlobalIndexes_fromTheInsertItself(
            @Autowired EventStorageEngine engine, @Autowired AppendedPositions appended,
            @Autowired ProjectionPositions positions, @Autowired JdbcTemplate jdbc) {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        engine.appendEvents(probe(first, 0), probe(first, 1), probe(second, 0));
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select aggregate_identifier, sequence_number, global_index from domain_event_entry"
                + " where aggregate_identifier in (?, ?)", rs -> {
            stored.put(rs.getString(1) + "/" + rs.getLong(2), rs.getLong(3));
        }, first, second);

        assertThat(stored).hasSize(3);
        assertThat(appended.take(first, 0)).hasValue(stored.get(first + "/0"));
        assertThat(appended.take(first, 0)).as("a position is answered once").isEmpty();
        assertThat(positions.globalIndexOf(first, 1)).isEqualTo(stored.get(first + "/1"));
        assertThat(appended.take(first, 1)).as("the command's answer took the remembered position").isEmpty();
        assertThat(positions.globalIndexOf(second, 0)).isEqualTo(stored.get(second + "/0"));
        assertThat(positions.globalIndexOf(first, 0)).as("no longer remembered: looked up in the store")
                .isEqualTo(stored.get(first + "/0"));
    }

    /**
     * A group's events go to the store as one statement with a row per event (one execution in the database), and
     * beyond the row limit as Axon's batch of single-row statements; either way each event's position is recorded.
     */
    @Test
    default void appendedEvents_goToTheStoreAsOneStatement_upToTheRowLimit(
            @Autowired AppendedPositions appended, @Autowired EventSchema schema,
            @Autowired @Qualifier("eventSerializer") Serializer serializer, @Autowired ConnectionProvider connections,
            @Autowired TransactionManager transactions, @Autowired JdbcTemplate jdbc) {
        String few = UUID.randomUUID().toString();
        String many = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> three = List.of(probe(few, 0), probe(few, 1), probe(few, 2));
        List<DomainEventMessage<?>> beyond = java.util.stream.LongStream
                .rangeClosed(0, AppendedPositions.MAX_ROWS_PER_INSERT).<DomainEventMessage<?>>mapToObj(seq -> probe(many, seq))
                .toList();

        int[] oneStatement = transactions.fetchInTransaction(() -> insert(appended, connections, schema, serializer, three));
        int[] rowByRow = transactions.fetchInTransaction(() -> insert(appended, connections, schema, serializer, beyond));

        assertThat(oneStatement).containsExactly(3);
        assertThat(rowByRow).hasSize(AppendedPositions.MAX_ROWS_PER_INSERT + 1);
        assertThat(appended.take(few, 2)).hasValue(jdbc.queryForObject("select global_index from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 2", Long.class, few));
        assertThat(appended.take(many, AppendedPositions.MAX_ROWS_PER_INSERT)).hasValue(jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class, many));
    }

    private static int[] insert(AppendedPositions appended, ConnectionProvider connections, EventSchema schema,
                                Serializer serializer, List<DomainEventMessage<?>> events) {
        try (java.sql.Connection connection = connections.getConnection();
             java.sql.PreparedStatement insert = appended.build(connection, schema, byte[].class, events, serializer,
                     (statement, index, timestamp) -> statement.setString(index,
                             org.axonframework.common.DateTimeUtils.formatInstant(timestamp)))) {
            return insert.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each appended event's commit makes its position the newest committed one, also when the commit is told twice
     * (Axon tells a group's commit for the group's unit of work and again for each command's nested in it).
     */
    @Test
    default void committedEvents_areTheNewestCommitted_alsoWhenTheCommitIsToldTwice(
            @Autowired EventStorageEngine engine, @Autowired AppendedPositions appended, @Autowired JdbcTemplate jdbc) {
        String aggregateId = UUID.randomUUID().toString();
        List<DomainEventMessage<ProbeHappened>> events = List.of(probe(aggregateId, 0), probe(aggregateId, 1));
        engine.appendEvents(events);
        long stored = jdbc.queryForObject("select max(global_index) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, aggregateId);

        appended.committed(events);
        appended.committed(events);
        appended.committed(List.of(probe(aggregateId, 2)));

        assertThat(appended.highestCommitted()).isEqualTo(stored);
        assertThat(appended.take(aggregateId, 1)).hasValue(stored);
    }

    /**
     * A read from where a read reached the tail of this node's events (the stream's own final read, or the next
     * stream's first) is answered without a query until this node commits again or the window passes; an event another
     * writer appended meanwhile is read once the window has passed.
     */
    @Test
    default void aReadFromWhereAReadReachedThisNodesTail_isAnsweredWithoutAQuery_untilThisNodeCommitsOrTheWindowPasses(
            @Autowired ConnectionProvider connections, @Autowired TransactionManager transactions,
            @Autowired EventSchema schema, @Autowired @Qualifier("eventSerializer") Serializer serializer,
            @Autowired EventStorageEngine otherNode) throws Exception {
        String aggregateId = UUID.randomUUID().toString();
        try (TailReader reader = TailReader.over(connections, transactions, schema, serializer, 100)) {
            TailAwareStorageEngine engine = reader.engine();
            reader.store().publish(probe(aggregateId, 0));
            List<? extends TrackedEventMessage<?>> first = reader.readFromHead();
            TrackingToken end = first.get(first.size() - 1).trackingToken();
            assertThat(first).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                    .contains(aggregateId);
            assertThat(engine.readsAnsweredWithoutQuery()).as("the stream's final read").isEqualTo(1);

            assertThat(engine.readEvents(end, true)).isEmpty();
            assertThat(engine.readsAnsweredWithoutQuery()).as("the next stream's first read").isEqualTo(2);

            reader.store().publish(probe(aggregateId, 1));
            List<? extends TrackedEventMessage<?>> afterCommit =
                    engine.readEvents(end, true).collect(Collectors.toList());
            assertThat(afterCommit).as("this node's commit: read from the store")
                    .extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber()).contains(1L);

            TrackingToken latest = afterCommit.get(afterCommit.size() - 1).trackingToken();
            otherNode.appendEvents(probe(aggregateId, 2));
            assertThat(engine.readEvents(latest, true)).as("within the window").isEmpty();
            Thread.sleep(1700);
            assertThat(engine.readEvents(latest, true)).as("past the window")
                    .extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber()).contains(2L);
        }
    }

    /**
     * Only a batch short of the batch size that ends at this node's newest committed event is the tail: a full batch
     * reads on, and the read after the batch that reached that event is answered without a query.
     */
    @Test
    default void aFullBatch_isNotTheTail_theStreamReadsOnToThisNodesNewestEvent(
            @Autowired ConnectionProvider connections, @Autowired TransactionManager transactions,
            @Autowired EventSchema schema, @Autowired @Qualifier("eventSerializer") Serializer serializer) {
        String aggregateId = UUID.randomUUID().toString();
        try (TailReader reader = TailReader.over(connections, transactions, schema, serializer, 2)) {
            reader.store().publish(probe(aggregateId, 0), probe(aggregateId, 1), probe(aggregateId, 2));

            assertThat(reader.readFromHead())
                    .filteredOn(event -> aggregateId.equals(((DomainEventMessage<?>) event).getAggregateIdentifier()))
                    .extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                    .containsExactly(0L, 1L, 2L);
            assertThat(reader.engine().readsAnsweredWithoutQuery()).as("only the read after the last event")
                    .isEqualTo(1);
        }
    }

    /**
     * A batch that ends at another writer's event is not the tail, however far this node's own events lie behind
     * it: the stream reads on (as Axon's does), so a node reading another node's events is never held back.
     */
    @Test
    default void aBatchEndingAtAnotherWritersEvent_isNotTheTail(
            @Autowired ConnectionProvider connections, @Autowired TransactionManager transactions,
            @Autowired EventSchema schema, @Autowired @Qualifier("eventSerializer") Serializer serializer,
            @Autowired EventStorageEngine otherNode) {
        String aggregateId = UUID.randomUUID().toString();
        try (TailReader reader = TailReader.over(connections, transactions, schema, serializer, 100)) {
            reader.store().publish(probe(aggregateId, 0));
            otherNode.appendEvents(probe(aggregateId, 1));

            assertThat(reader.readFromHead())
                    .filteredOn(event -> aggregateId.equals(((DomainEventMessage<?>) event).getAggregateIdentifier()))
                    .extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                    .containsExactly(0L, 1L);
            assertThat(reader.engine().readsAnsweredWithoutQuery()).as("the stream's final read went to the store")
                    .isZero();
        }
    }

    /** A tail-aware engine of its own on the test database (a 1.5 s window), its store, and the head it began at. */
    record TailReader(TailAwareStorageEngine engine, TailAwareStorageEngine.Store store, TrackingToken head)
            implements AutoCloseable {

        static TailReader over(ConnectionProvider connections, TransactionManager transactions, EventSchema schema,
                               Serializer serializer, int batchSize) {
            TailAwareStorageEngine engine = new TailAwareStorageEngine(JdbcEventStorageEngine.builder()
                    .connectionProvider(connections).transactionManager(transactions).schema(schema)
                    .batchSize(batchSize).eventSerializer(serializer).snapshotSerializer(serializer),
                    new AppendedPositions(16), 1500);
            return new TailReader(engine, new TailAwareStorageEngine.Store(EmbeddedEventStore.builder(), engine),
                    engine.createHeadToken());
        }

        List<? extends TrackedEventMessage<?>> readFromHead() {
            return engine.readEvents(head, true).collect(Collectors.toList());
        }

        @Override
        public void close() {
            store.shutDown();
        }
    }

    private static DomainEventMessage<ProbeHappened> probe(String aggregateId, long seq) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, seq, new ProbeHappened("probe", (int) seq));
    }

    @Test
    default void storedToken_readsBack_throughTheTokenStore(@Autowired TokenStore tokenStore) {
        String processor = "probe-" + UUID.randomUUID();
        tokenStore.initializeTokenSegments(processor, 1);
        tokenStore.fetchToken(processor, 0);

        tokenStore.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);

        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }
}
