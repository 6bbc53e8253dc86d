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
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Rebuilds projections from the event store into a scratch schema and compares them with the live tables (audit
 * replay). {@link #open} creates schema {@code audit_<id>} with an empty copy of every table of every projector
 * (same columns as the live table, which lives in the connection's current schema) and an index on its key
 * columns, then points the connection at it so projectors' unqualified names land there. {@link #apply} every
 * event in global order, {@link #compare} live and rebuilt rows both ways with {@code EXCEPT}, and {@link #close}
 * drops the schema. Portable SQL (PostgreSQL and H2 in PostgreSQL mode); events are applied and committed in
 * batches, as the live projections apply a processor batch ({@link ProjectionBatches}).
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
        this.projectors = List.copyOf(projectors);
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

    /** Compares every table, live against rebuilt, in projector and table order. */
    public List<TableComparison> compare() throws SQLException {
        applyUncommitted();
        List<TableComparison> comparisons = new ArrayList<>();
        for (ProjectionTable table : tables()) {
            String live = liveSchema + "." + table.name();
            String rebuilt = scratchSchema + "." + table.name();
            long missing = countExcept(rebuilt, live);
            long extra = countExcept(live, rebuilt);
            comparisons.add(new TableComparison(table.name(),
                    jdbc.queryForObject("select count(*) from " + rebuilt, Long.class), missing, extra,
                    sampleKeys(table, rebuilt, live, missing), sampleKeys(table, live, rebuilt, extra)));
        }
        return comparisons;
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
        jdbc.execute("create schema " + scratchSchema);
        connection.setSchema(scratchSchema);
        for (ProjectionTable table : tables()) {
            String name = identifier(table.name());
            jdbc.execute("create table " + name + " as select * from " + liveSchema + "." + name + " where 1 = 0");
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

    private long countExcept(String from, String without) {
        return jdbc.queryForObject("select count(*) from (" + except(from, without) + ") d", Long.class);
    }

    /** Up to {@link #SAMPLE_KEYS} keys of the {@code differing} rows (none to look for when there are none). */
    private List<String> sampleKeys(ProjectionTable table, String from, String without, long differing) {
        if (differing == 0) {
            return List.of();
        }
        String keys = String.join(", ", table.keyColumns());
        return jdbc.query("select " + keys + " from (" + except(from, without) + ") d order by " + keys
                + " limit " + SAMPLE_KEYS, (rs, n) -> {
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
