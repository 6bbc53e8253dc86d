package dev.vacant.infra.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The global indexes the event store gave the events this node appended, read back from the insert itself
 * ({@link java.sql.Statement#getGeneratedKeys()}), so that a command's answer names its entry's position without a
 * query per command ({@code docs/performance.md}, "Session 9"). Axon's insert, with its columns bound as Axon binds
 * them, goes to the database as one statement with a row per event (up to {@value #MAX_ROWS_PER_INSERT}; Axon's batch
 * of single-row statements beyond), prepared to return each row's global index and event identifier; the newest
 * {@code capacity} positions are kept, each until asked for once.
 * <p>
 * A position is recorded when its insert succeeds, before the transaction commits: only a committed entry is ever
 * asked for (a command's result), and an entry rolled back and appended again (a group commit retried alone, a write
 * conflict) is recorded again by that later insert. Whatever is not known here (evicted, appended by another node)
 * the caller looks up in the store. It also keeps the highest position among the events whose commit it has been
 * told of ({@link #committed}), which {@link TailAwareStorageEngine} compares a read's last event with.
 */
public final class AppendedPositions implements AppendEventsStatementBuilder {

    /**
     * The most events inserted by one statement (nine parameters each); more go as Axon's batch of single rows. Each
     * row count is its own statement text, which the driver and the database prepare and keep per connection.
     */
    static final int MAX_ROWS_PER_INSERT = 64;
    private static final String ROW = "(?,?,?,?,?,?,?,?,?)";

    private record Entry(String aggregate, long seq) {
    }

    private final Map<Entry, Long> positions;
    /** The global indexes of appended events not yet committed, by event identifier (the newest kept). */
    private final Map<String, Long> uncommitted;
    private final AtomicLong highestCommitted = new AtomicLong(-1);

    /**
     * @param capacity how many positions not yet asked for are kept, and how many of events not yet committed (the
     *                 oldest go first)
     */
    public AppendedPositions(int capacity) {
        this.positions = bounded(capacity);
        this.uncommitted = bounded(capacity);
    }

    private static <K> Map<K, Long> bounded(int capacity) {
        return new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The global index of entry {@code seq} of {@code aggregate}, if this node appended it recently; forgets it. */
    public OptionalLong take(String aggregate, long seq) {
        Long index;
        synchronized (positions) {
            index = positions.remove(new Entry(aggregate, seq));
        }
        return index == null ? OptionalLong.empty() : OptionalLong.of(index);
    }

    /** The highest global index of the events this node has committed ({@link #committed}), -1 before the first. */
    public long highestCommitted() {
        return highestCommitted.get();
    }

    /**
     * Takes note that {@code events}, appended by this node, are committed (before readers are told of them). An event
     * whose insert this node has not recorded, or which it was already told of, is passed over: Axon tells the commit
     * of a group's events twice, for the group's unit of work and for each command's nested in it.
     */
    public void committed(List<? extends EventMessage<?>> events) {
        long highest = -1;
        synchronized (positions) {
            for (EventMessage<?> event : events) {
                Long index = uncommitted.remove(event.getIdentifier());
                if (index != null) {
                    highest = Math.max(highest, index);
                }
            }
        }
        highestCommitted.accumulateAndGet(highest, Math::max);
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Connection returning = returningPositions(connection, schema);
        PreparedStatement insert = events.size() > MAX_ROWS_PER_INSERT
                ? JdbcEventStorageEngineStatements.appendEvents(returning, schema, dataType, events, serializer,
                        timestampWriter)
                : multiRowInsert(returning, schema, dataType, events, serializer, timestampWriter);
        return recordingOnExecute(insert, events);
    }

    /**
     * Axon's insert of {@code events} as one statement with a row per event (bound as Axon binds them), run as a
     * batch of one: one execution in the database instead of one per event.
     */
    private static PreparedStatement multiRowInsert(Connection connection, EventSchema schema, Class<?> dataType,
                                                    List<? extends EventMessage<?>> events, Serializer serializer,
                                                    TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ") VALUES " + String.join(",", Collections.nCopies(events.size(), ROW)));
        int parameter = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            insert.setString(++parameter, event.getIdentifier());
            insert.setString(++parameter, event.getAggregateIdentifier());
            insert.setLong(++parameter, event.getSequenceNumber());
            insert.setString(++parameter, event.getType());
            timestampWriter.writeTimestamp(insert, ++parameter, event.getTimestamp());
            insert.setString(++parameter, payload.getType().getName());
            insert.setString(++parameter, payload.getType().getRevision());
            insert.setObject(++parameter, payload.getData());
            insert.setObject(++parameter, metaData.getData());
        }
        insert.addBatch();
        return insert;
    }

    /** {@code connection}, preparing every statement to return each row's generated global index and identifier. */
    private static Connection returningPositions(Connection connection, EventSchema schema) {
        String[] columns = {schema.globalIndexColumn(), schema.eventIdentifierColumn()};
        return delegate(Connection.class, connection, (method, args) ->
                method.getName().equals("prepareStatement") && args.length == 1
                        ? connection.prepareStatement((String) args[0], columns)
                        : method.invoke(connection, args));
    }

    /** {@code insert}, recording the generated global index of each of {@code events} once its batch has run. */
    private PreparedStatement recordingOnExecute(PreparedStatement insert, List<? extends EventMessage<?>> events) {
        return delegate(PreparedStatement.class, insert, (method, args) -> {
            Object result = method.invoke(insert, args);
            if (method.getName().equals("executeBatch")) {
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    record(events, keys);
                }
            }
            return result;
        });
    }

    private void record(List<? extends EventMessage<?>> events, ResultSet keys) throws SQLException {
        Map<String, EventMessage<?>> byIdentifier = new HashMap<>();
        events.forEach(event -> byIdentifier.put(event.getIdentifier(), event));
        synchronized (positions) {
            while (keys.next()) {
                long index = keys.getLong(1);
                EventMessage<?> event = byIdentifier.get(keys.getString(2));
                if (event == null) {
                    continue;
                }
                uncommitted.put(event.getIdentifier(), index);
                if (event instanceof DomainEventMessage<?> domain) {
                    positions.put(new Entry(domain.getAggregateIdentifier(), domain.getSequenceNumber()), index);
                }
            }
        }
    }

    /** A call on a delegating proxy: the method and its arguments (never null). */
    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T delegate(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.invoke(method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
