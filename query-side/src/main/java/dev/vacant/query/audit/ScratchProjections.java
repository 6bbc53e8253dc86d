package dev.vacant.query.audit;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.ProjectionBatches;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Rebuilds projections from the event store into a scratch schema and compares them with the live tables (audit
 * replay). {@link #open} creates schema {@code audit_<id>} with an empty copy of every table of every projector
 * (same columns as the live table, which lives in the connection's current schema; unlogged on PostgreSQL) and an
 * index on its key columns, then points the connection at it so projectors' unqualified names land there.
 * {@link #apply} every event in global order (to each projector's {@link Projector#forRebuild} instance),
 * {@link #compare} live and rebuilt rows both ways, and {@link #close} drops the schema. Portable
 * SQL (PostgreSQL and H2 in PostgreSQL mode); events are applied and committed in batches, as the live projections
 * apply a processor batch ({@link ProjectionBatches}).
 * <p>
 * An event a projector cannot apply does not stop the rebuild, as it does not stop the live projections: the
 * failed batch is rolled back and applied again one event at a time under savepoints, the failing event and
 * every later event of its vacant are held back ({@link #parked}), as the live dead-letter queue parks them.
 */
public final class ScratchProjections implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Events per batch: a batch writes each changed registry row once, so larger batches write fewer rows. */
    private static final int COMMIT_EVERY = 2_000;
    private static final int SAMPLE_KEYS = 5;
    /**
     * The database whose scratch tables are unlogged: their rows are dropped when the audit ends, so PostgreSQL need
     * write no WAL for them (H2 has no such tables).
     */
    private static final String UNLOGGED_ON = "PostgreSQL";

    private final Connection connection;
    private final List<Projector> projectors;
    private final String liveSchema;
    private final String scratchSchema;
    private final JdbcTemplate jdbc;
    private final List<PositionedEvent> uncommitted = new ArrayList<>();
    private final Map<String, ParkedSequence> parked = new LinkedHashMap<>();

    private ScratchProjections(Connection connection, List<Projector> projectors, String liveSchema,
                               String scratchSchema) {
        this.connection = connection;
        this.projectors = projectors.stream().map(Projector::forRebuild).toList();
        this.liveSchema = liveSchema;
        this.scratchSchema = scratchSchema;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /**
     * Creates the scratch schema {@code audit_<id>} and its tables on {@code connection}, which the result owns
     * (and closes).
     */
    public static ScratchProjections open(Connection connection, List<Projector> projectors, String id)
            throws SQLException {
        ScratchProjections scratch;
        try {
            scratch = new ScratchProjections(connection, projectors, identifier(connection.getSchema()),
                    identifier("audit_" + id));
        } catch (RuntimeException | SQLException e) {
            connection.close();
            throw e;
        }
        try {
            scratch.createTables();
        } catch (RuntimeException | SQLException e) {
            try {
                scratch.close();
            } catch (RuntimeException | SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return scratch;
    }

    /**
     * Takes one event, in global order, for every projector's scratch tables (or parks it, see above). Events are
     * applied in batches, the live projections' way ({@link ProjectionBatches#applyBatch}).
     */
    public void apply(VacantEvent event, EventPosition position) throws SQLException {
        if (parked.computeIfPresent(event.vacantId(), (vacant, sequence) -> sequence.withOneMore()) != null) {
            return;
        }
        uncommitted.add(new PositionedEvent(event, position));
        if (uncommitted.size() >= COMMIT_EVERY) {
            applyUncommitted();
        }
    }

    /** The vacants whose events could not all be applied, in the order they failed. */
    public List<ParkedSequence> parked() {
        return List.copyOf(parked.values());
    }

    /** Applies the events taken since the last commit as one batch, or one by one if the batch fails, and commits. */
    private void applyUncommitted() throws SQLException {
        try {
            ProjectionBatches.applyBatch(jdbc, projectors, uncommitted);
        } catch (RuntimeException e) {
            applyOneByOne();
        }
        commit();
    }

    /** Rolls the failed batch back and applies its events again, each under a savepoint, parking the failing ones. */
    private void applyOneByOne() throws SQLException {
        connection.rollback();
        for (PositionedEvent applied : uncommitted) {
            String vacant = applied.event().vacantId();
            if (parked.computeIfPresent(vacant, (v, sequence) -> sequence.withOneMore()) != null) {
                continue;
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                ProjectionBatches.applyBatch(jdbc, projectors, List.of(applied));
                connection.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                parked.put(vacant, new ParkedSequence(vacant, applied.event().entry().body().seq(),
                        applied.position().globalIndex(), reason(e), 1));
            }
        }
    }

    /** The innermost cause and the first line of its message (the database's own words, without the statement). */
    private static String reason(RuntimeException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Compares every table, live against rebuilt, both ways; the results in projector and table order. Each table is
     * compared in one pass over both of its copies ({@link #counts}); only a table that differs is read again, for a
     * few keys of its differing rows. The tables are compared in parallel, one at a time on each connection: the
     * scratch connection and every one of {@code more} (other connections to the same database, which the caller
     * keeps and closes; they only read, and their transaction is ended afterwards, so that dropping the schema does
     * not wait for them).
     */
    public List<TableComparison> compare(List<Connection> more) throws SQLException {
        applyUncommitted();
        BlockingQueue<JdbcTemplate> idle = new LinkedBlockingQueue<>(List.of(jdbc));
        more.forEach(other -> idle.add(new JdbcTemplate(new SingleConnectionDataSource(other, true))));
        ExecutorService threads = Executors.newFixedThreadPool(idle.size(), task -> {
            Thread thread = new Thread(task, "audit-compare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TableComparison>> compared = new ArrayList<>();
            for (ProjectionTable table : tables()) {
                compared.add(threads.submit(() -> on(idle, session -> comparison(session, table))));
            }
            List<TableComparison> comparisons = new ArrayList<>();
            for (Future<TableComparison> comparison : compared) {
                comparisons.add(result(comparison));
            }
            return comparisons;
        } finally {
            threads.shutdownNow();
            endReading(threads, more);
        }
    }

    /** One table, live against rebuilt: counted in one pass, then a few keys of any differing rows. */
    private TableComparison comparison(JdbcTemplate session, ProjectionTable table) {
        String live = liveSchema + "." + table.name();
        String rebuilt = scratchSchema + "." + table.name();
        Counts counts = counts(session, live, rebuilt);
        return new TableComparison(table.name(), counts.rebuiltRows(), counts.onlyRebuilt(), counts.onlyLive(),
                sampleKeys(session, table, counts.onlyRebuilt(), rebuilt, live),
                sampleKeys(session, table, counts.onlyLive(), live, rebuilt));
    }

    /** Of a table's two copies: the distinct rows only the rebuilt one has, those only the live one has, its rows. */
    private record Counts(long onlyRebuilt, long onlyLive, long rebuiltRows) {
    }

    /**
     * Both copies' rows, grouped by every column (nulls equal, as {@code EXCEPT} takes them), counted in one pass:
     * each distinct row with how many times each copy holds it.
     */
    private static Counts counts(JdbcTemplate session, String live, String rebuilt) {
        List<String> names = session.query("select * from " + rebuilt + " where 1 = 0", rs -> {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                labels.add(identifier(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT)));
            }
            return labels;
        });
        String columns = String.join(", ", names);
        return session.queryForObject("select count(case when audit_live = 0 then 1 end),"
                + " count(case when audit_rebuilt = 0 then 1 end), coalesce(sum(audit_rebuilt), 0) from ("
                + "select " + columns + ", sum(audit_live) audit_live, sum(audit_rebuilt) audit_rebuilt from ("
                + "select " + columns + ", 1 audit_live, 0 audit_rebuilt from " + live + " union all "
                + "select " + columns + ", 0, 1 from " + rebuilt + ") both_copies group by " + columns + ") rows_",
                (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * Waits for the comparison's last query (after a failure, one may still be running) and ends the transactions it
     * began on other connections, so that they hold no lock on the scratch schema.
     */
    private static void endReading(ExecutorService threads, List<Connection> others) throws SQLException {
        try {
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection other : others) {
            if (!other.getAutoCommit()) {
                other.rollback();
            }
        }
    }

    /** Drops the scratch schema and closes the connection. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
            connection.setSchema(liveSchema);
            jdbc.execute("drop schema if exists " + scratchSchema + " cascade");
            connection.commit();
        }
    }

    private void createTables() throws SQLException {
        connection.setAutoCommit(false);
        String create = UNLOGGED_ON.equals(connection.getMetaData().getDatabaseProductName())
                ? "create unlogged table " : "create table ";
        jdbc.execute("create schema " + scratchSchema);
        connection.setSchema(scratchSchema);
        for (ProjectionTable table : tables()) {
            String name = identifier(table.name());
            jdbc.execute(create + name + " as select * from " + liveSchema + "." + name + " where 1 = 0");
            List<String> keys = table.keyColumns().stream().map(ScratchProjections::identifier).toList();
            jdbc.execute("create index " + name + "_audit_key on " + name + " (" + String.join(", ", keys) + ")");
        }
        connection.commit();
    }

    private List<ProjectionTable> tables() {
        return projectors.stream().flatMap(projector -> projector.tables().stream()).toList();
    }

    private void commit() throws SQLException {
        connection.commit();
        uncommitted.clear();
    }

    /** Runs {@code query} on a connection no other query is using at the time. */
    private static <T> T on(BlockingQueue<JdbcTemplate> idle, Function<JdbcTemplate, T> query)
            throws InterruptedException {
        JdbcTemplate session = idle.take();
        try {
            return query.apply(session);
        } finally {
            idle.add(session);
        }
    }

    private static <T> T result(Future<T> query) throws SQLException {
        try {
            return query.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("comparison interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new SQLException("the comparison failed", e.getCause());
        }
    }

    /**
     * Up to {@link #SAMPLE_KEYS} keys of the rows of {@code from} that {@code without} lacks, when there are
     * {@code rows} of them (none to look for when there are none).
     */
    private static List<String> sampleKeys(JdbcTemplate session, ProjectionTable table, long rows, String from,
                                           String without) {
        if (rows == 0) {
            return List.of();
        }
        String keys = String.join(", ", table.keyColumns());
        return session.query("select " + keys + " from (" + except(from, without) + ") d "
                + "order by " + keys + " limit " + SAMPLE_KEYS, (rs, n) -> {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < table.keyColumns().size(); i++) {
                        parts.add(table.keyColumns().get(i) + "=" + rs.getString(i + 1));
                    }
                    return String.join(",", parts);
                });
    }

    private static String except(String from, String without) {
        return "select * from " + from + " except select * from " + without;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase SQL identifier: " + name);
        }
        return name;
    }
}
