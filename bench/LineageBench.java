import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lineage read benchmark. Builds a scratch lineage of N vacants (a complete tree with the given branching, in
 * breadth-first birth order) with the tables of {@code V7__lineage.sql}, stored exactly as the projector stores
 * them (node = birth position, one primary edge per child, the closure of every (ancestor, descendant) pair), then
 * times pages of descendants with the very SQL of {@code LineageQueries.DESCENDANTS_SQL}, read from its source, and
 * prints p50/p99/max per scenario. Run from the repository root (see {@code bench/run-lineage-bench.sh}).
 *
 * Usage: java -cp postgresql.jar bench/LineageBench.java JDBC_URL USER PASSWORD [VACANTS] [BRANCHING] [ITERATIONS]
 */
public class LineageBench {

    static final Path MIGRATION = Path.of("infra/src/main/resources/db/migration/common/V7__lineage.sql");
    static final Path QUERIES = Path.of("query-side/src/main/java/dev/vacant/query/lineage/LineageQueries.java");
    static final String[] PATHS = {"D1", "D2", "D3", "D5"};
    static final int BATCH = 5_000;
    static final int PAGE = 100;
    static final int WARMUP = 50;
    /** The deepest offset the API accepts ({@code LineageRequest.MAX_OFFSET}); deeper pages must use the cursor. */
    static final long MAX_OFFSET = 10_000;

    /** One timed query shape: for iteration i, the vacant, max depth, cursor and offset to ask for. */
    record Scenario(String name, IntFunction<Object[]> arguments) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0].contains("reWriteBatchedInserts") ? args[0]
                : args[0] + (args[0].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        int vacants = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int branching = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 1_000;
        String descendantsSql = descendantsSql();
        try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
            Tree tree = new Tree(vacants, branching);
            long started = System.nanoTime();
            createTables(db);
            load(db, tree);
            vacuum(db);
            System.out.printf("loaded %,d vacants (branching %d, height %d): %,d edges, %,d closure rows in %.1f s%n",
                    vacants, branching, tree.depth(vacants - 1), vacants - 1L, tree.closureRows(),
                    (System.nanoTime() - started) / 1e9);
            printSizes(db);
            System.out.printf("%-46s %9s %9s %9s %6s%n", "descendants scenario (page of " + PAGE + ")", "p50 ms",
                    "p99 ms", "max ms", "rows");
            int height = tree.depth(vacants - 1);
            long allPages = (vacants - 1L + PAGE - 1) / PAGE;
            Random random = new Random(42);
            String root = tree.id(0);
            String mid = tree.id(tree.firstOfDepth(2) + 1);
            long midCursor = tree.firstOfDepth(height) + (vacants - tree.firstOfDepth(height)) / 2 + 1;
            List<Scenario> scenarios = List.of(
                    new Scenario("root, depth 1 (children), page 0", i -> new Object[] {root, 1, 0, 0L, 0L}),
                    new Scenario("root, all depths, page 0", i -> new Object[] {root, height, 0, 0L, 0L}),
                    new Scenario("root, all depths, page 10 (offset)", i -> new Object[] {root, height, 0, 0L, 10L * PAGE}),
                    new Scenario("root, all depths, page 100 (offset cap)", i -> new Object[] {root, height, 0, 0L, MAX_OFFSET}),
                    new Scenario("root, all depths, random page <= 100 (offset)",
                            i -> new Object[] {root, height, 0, 0L, (long) random.nextInt(101) * PAGE}),
                    new Scenario("root, last page " + (allPages - 1) + " (offset; API refuses)",
                            i -> new Object[] {root, height, 0, 0L, (allPages - 1) * PAGE}),
                    new Scenario("root, all depths, mid-level cursor (keyset)",
                            i -> new Object[] {root, height, height, midCursor, 0L}),
                    new Scenario("root, all depths, random cursor (keyset)",
                            i -> {
                                int after = random.nextInt(vacants - 1) + 1;
                                return new Object[] {root, height, tree.depth(after), after + 1L, 0L};
                            }),
                    new Scenario("root, depth 3, page 5 (offset)", i -> new Object[] {root, 3, 0, 0L, 5L * PAGE}),
                    new Scenario("depth-2 vacant, all depths, page 5 (offset)", i -> new Object[] {mid, height, 0, 0L, 5L * PAGE}));
            for (Scenario scenario : scenarios) {
                run(db, descendantsSql, scenario, iterations);
            }
            explain(db, descendantsSql, scenarios.get(5).arguments().apply(0));
        }
    }

    /** The complete tree: vacant i (0 = root) has parent (i - 1) / branching and node (birth position) i + 1. */
    record Tree(int vacants, int branching) {
        int parent(int i) {
            return (i - 1) / branching;
        }

        int depth(int i) {
            int depth = 0;
            for (int v = i; v > 0; v = parent(v)) {
                depth++;
            }
            return depth;
        }

        int firstOfDepth(int depth) {
            int first = 0;
            int width = 1;
            for (int d = 0; d < depth; d++) {
                first += width;
                width *= branching;
            }
            return first;
        }

        long closureRows() {
            long rows = 0;
            for (int i = 1; i < vacants; i++) {
                rows += depth(i);
            }
            return rows;
        }

        /** A stable, well-formed-looking id: vac_ + 52 base32 characters derived from i. */
        String id(int i) {
            Random random = new Random(i * 7919L + 17);
            char[] chars = new char[52];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = "abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32));
            }
            return "vac_" + new String(chars);
        }
    }

    /** The text block of {@code DESCENDANTS_SQL}, as the Java compiler would read it. */
    static String descendantsSql() throws IOException {
        Matcher matcher = Pattern.compile("DESCENDANTS_SQL = \"\"\"\\n(.*?)\"\"\";", Pattern.DOTALL)
                .matcher(Files.readString(QUERIES));
        if (!matcher.find()) {
            throw new IllegalStateException("DESCENDANTS_SQL not found in " + QUERIES);
        }
        return matcher.group(1).stripIndent();
    }

    static void createTables(Connection db) throws IOException, SQLException {
        String ddl = Files.readString(MIGRATION).lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        try (Statement statement = db.createStatement()) {
            statement.execute("drop table if exists lineage_closure, lineage_edge, lineage_node");
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    static void load(Connection db, Tree tree) throws SQLException {
        db.setAutoCommit(false);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (PreparedStatement node = db.prepareStatement("insert into lineage_node (vacant_id, node) values (?, ?)");
             PreparedStatement edge = db.prepareStatement("insert into lineage_edge (parent, child, path, secondary, "
                     + "created_at, position) values (?, ?, ?, false, ?, ?)");
             PreparedStatement closure = db.prepareStatement("insert into lineage_closure (ancestor, descendant, depth, "
                     + "via_secondary) values (?, ?, ?, false)")) {
            for (int i = 0; i < tree.vacants(); i++) {
                node.setString(1, tree.id(i));
                node.setLong(2, i + 1L);
                node.addBatch();
                if (i > 0) {
                    edge.setString(1, tree.id(tree.parent(i)));
                    edge.setString(2, tree.id(i));
                    edge.setString(3, PATHS[i % PATHS.length]);
                    edge.setTimestamp(4, Timestamp.from(base.plusSeconds(i)));
                    edge.setLong(5, i + 1L);
                    edge.addBatch();
                    int depth = 1;
                    for (int ancestor = tree.parent(i); ; ancestor = tree.parent(ancestor), depth++) {
                        closure.setLong(1, ancestor + 1L);
                        closure.setLong(2, i + 1L);
                        closure.setInt(3, depth);
                        closure.addBatch();
                        if (ancestor == 0) {
                            break;
                        }
                    }
                }
                if (i % BATCH == BATCH - 1 || i == tree.vacants() - 1) {
                    node.executeBatch();
                    edge.executeBatch();
                    closure.executeBatch();
                    db.commit();
                }
            }
        }
        db.setAutoCommit(true);
    }

    /** What autovacuum does on a live database: statistics, and the visibility map index-only scans rely on. */
    static void vacuum(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("vacuum analyze lineage_node, lineage_edge, lineage_closure");
        }
    }

    static void printSizes(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet sizes = statement.executeQuery("""
                     select relname, pg_size_pretty(pg_table_size(oid)), pg_size_pretty(pg_indexes_size(oid))
                     from pg_class where relname in ('lineage_node', 'lineage_edge', 'lineage_closure')
                     order by relname""")) {
            while (sizes.next()) {
                System.out.printf("  %-16s table %8s, indexes %8s%n", sizes.getString(1), sizes.getString(2),
                        sizes.getString(3));
            }
        }
    }

    static void run(Connection db, String sql, Scenario scenario, int iterations) throws SQLException {
        long[] nanos = new long[iterations];
        int rows = 0;
        for (int i = -WARMUP; i < iterations; i++) {
            long start = System.nanoTime();
            rows = query(db, sql, scenario.arguments().apply(i));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-46s %9.2f %9.2f %9.2f %6d%n", scenario.name(), percentile(nanos, 50), percentile(nanos, 99),
                nanos[nanos.length - 1] / 1e6, rows);
    }

    /** Runs the page query as the app does (a fresh prepared statement, every row read); returns the row count. */
    static int query(Connection db, String sql, Object[] arguments) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, arguments);
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    result.getString(1);
                    result.getTimestamp(7);
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Binds (vacant, max depth, cursor depth, cursor position, limit, offset), the order of DESCENDANTS_SQL. */
    static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        statement.setString(1, (String) arguments[0]);
        statement.setInt(2, (Integer) arguments[1]);
        statement.setInt(3, (Integer) arguments[2]);
        statement.setLong(4, (Long) arguments[3]);
        statement.setInt(5, PAGE);
        statement.setLong(6, (Long) arguments[4]);
    }

    static double percentile(long[] sorted, int p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static void explain(Connection db, String sql, Object[] arguments) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("explain (analyze, buffers, costs off) " + sql)) {
            bind(statement, arguments);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    plan.add(result.getString(1));
                }
            }
        }
        System.out.println("\nplan of the last page:");
        plan.forEach(line -> System.out.println("  " + line));
    }
}
