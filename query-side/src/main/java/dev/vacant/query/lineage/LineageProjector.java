package dev.vacant.query.lineage;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import dev.vacant.query.projection.SqlLists;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lineage graph ({@code docs/lineage.md}): a node per vacant numbered by its GENESIS or BIRTH position, a
 * primary edge parent -> child per BIRTH (plus D4's secondary edge, marked), and the transitive closure that
 * answers descendant queries from one index range. Idempotent: a vacant already numbered is not applied again
 * (its node, edges and closure rows are written together, in the event's transaction).
 */
public final class LineageProjector implements Projector {

    public static final String NAME = "lineage";

    /** A parent of a newborn: its id, and whether it is D4's second parent. */
    private record Parent(String id, boolean secondary) {
    }

    /** A closure row of a newborn: its distance from the ancestor, and whether it enters through the secondary edge. */
    private record Reach(int depth, boolean viaSecondary) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProjectionTable> tables() {
        return List.of(new ProjectionTable("lineage_node", List.of("vacant_id")),
                new ProjectionTable("lineage_edge", List.of("parent", "child")),
                new ProjectionTable("lineage_closure", List.of("descendant", "ancestor")));
    }

    @Override
    public void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position) {
        applyAll(jdbc, List.of(new PositionedEvent(event, position)));
    }

    /**
     * Reads the nodes of the batch's newborns and of their parents in one query, and the closure rows of the
     * parents numbered before the batch in another; computes the newborns' rows in memory, in order (a parent born
     * earlier in the batch lends its closure from there); writes nodes, edges and closure rows in one JDBC batch
     * each.
     */
    @Override
    public void applyAll(JdbcTemplate jdbc, List<PositionedEvent> events) {
        List<PositionedEvent> newborns = events.stream()
                .filter(positioned -> positioned.event() instanceof GenesisRecordedEvent
                        || positioned.event() instanceof VacantBornEvent)
                .toList();
        if (newborns.isEmpty()) {
            return;
        }
        Map<String, Long> nodes = nodes(jdbc, newborns);
        Map<Long, Map<Long, Integer>> closures = closures(jdbc, nodes.values());
        Rows rows = new Rows();
        for (PositionedEvent positioned : newborns) {
            VacantEvent event = positioned.event();
            if (nodes.containsKey(event.vacantId())) {
                continue;
            }
            long node = positioned.position().globalIndex();
            nodes.put(event.vacantId(), node);
            rows.nodes.add(new Object[] {event.vacantId(), node});
            if (event instanceof VacantBornEvent birth) {
                closures.put(node, born(birth.entry(), birth.payload(), node, nodes, closures, rows));
            }
        }
        rows.write(jdbc);
    }

    /** The rows a batch adds, written table by table. */
    private static final class Rows {
        private final List<Object[]> nodes = new ArrayList<>();
        private final List<Object[]> edges = new ArrayList<>();
        private final List<Object[]> closure = new ArrayList<>();

        void write(JdbcTemplate jdbc) {
            batch(jdbc, "insert into lineage_node (vacant_id, node) values (?, ?)", nodes);
            batch(jdbc, "insert into lineage_edge (parent, child, path, secondary, created_at, position) "
                    + "values (?, ?, ?, ?, ?, ?)", edges);
            batch(jdbc, "insert into lineage_closure (ancestor, descendant, depth, via_secondary) values (?, ?, ?, ?)",
                    closure);
        }

        private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    /** Adds a newborn's edges and closure rows; answers its ancestors' distances (its closure, for its own children). */
    private static Map<Long, Integer> born(LogbookEntry entry, BirthPayload birth, long node, Map<String, Long> nodes,
                                           Map<Long, Map<Long, Integer>> closures, Rows rows) {
        List<Parent> parents = new ArrayList<>(List.of(new Parent(birth.parent(), false)));
        if (birth.secondaryParent() != null) {
            parents.add(new Parent(birth.secondaryParent(), true));
        }
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(Timestamps.parse(entry.body().ts()), ZoneOffset.UTC);
        Map<Long, Reach> closure = new LinkedHashMap<>();
        for (Parent parent : parents) {
            rows.edges.add(new Object[] {parent.id(), entry.body().vacant(), birth.path().name(), parent.secondary(),
                    createdAt, node});
            Long parentNode = nodes.get(parent.id());
            if (parentNode == null) {
                throw new IllegalStateException("lineage: parent " + parent.id() + " was never born");
            }
            closure.merge(parentNode, new Reach(1, parent.secondary()), LineageProjector::nearer);
            closures.getOrDefault(parentNode, Map.of()).forEach((ancestor, depth) ->
                    closure.merge(ancestor, new Reach(depth + 1, parent.secondary()), LineageProjector::nearer));
        }
        Map<Long, Integer> depths = new LinkedHashMap<>();
        closure.forEach((ancestor, reach) -> {
            rows.closure.add(new Object[] {ancestor, node, reach.depth(), reach.viaSecondary()});
            depths.put(ancestor, reach.depth());
        });
        return depths;
    }

    private static Reach nearer(Reach known, Reach candidate) {
        return candidate.depth() < known.depth() ? candidate : known;
    }

    /** The stored nodes of the batch's newborns and of their parents. */
    private static Map<String, Long> nodes(JdbcTemplate jdbc, List<PositionedEvent> newborns) {
        Set<String> ids = new LinkedHashSet<>();
        for (PositionedEvent positioned : newborns) {
            ids.add(positioned.event().vacantId());
            if (positioned.event() instanceof VacantBornEvent birth) {
                ids.add(birth.payload().parent());
                if (birth.payload().secondaryParent() != null) {
                    ids.add(birth.payload().secondaryParent());
                }
            }
        }
        Map<String, Long> nodes = new HashMap<>();
        jdbc.query("select vacant_id, node from lineage_node where vacant_id in (" + SqlLists.placeholders(ids.size())
                + ")", rs -> {
                    nodes.put(rs.getString(1), rs.getLong(2));
                }, ids.toArray());
        return nodes;
    }

    /** Each of {@code nodes}' stored closure rows: ancestor to distance. */
    private static Map<Long, Map<Long, Integer>> closures(JdbcTemplate jdbc, Collection<Long> nodes) {
        Map<Long, Map<Long, Integer>> closures = new HashMap<>();
        if (!nodes.isEmpty()) {
            jdbc.query("select descendant, ancestor, depth from lineage_closure where descendant in ("
                    + SqlLists.placeholders(nodes.size()) + ")", rs -> {
                        closures.computeIfAbsent(rs.getLong(1), node -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                    }, nodes.toArray());
        }
        return closures;
    }
}
