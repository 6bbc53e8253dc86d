package dev.vacant.query.lineage;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        boolean createsVacant = event instanceof GenesisRecordedEvent || event instanceof VacantBornEvent;
        if (!createsVacant || node(jdbc, event.vacantId()) != null) {
            return;
        }
        long node = position.globalIndex();
        jdbc.update("insert into lineage_node (vacant_id, node) values (?, ?)", event.vacantId(), node);
        if (event instanceof VacantBornEvent birth) {
            born(jdbc, birth.entry(), birth.payload(), node);
        }
    }

    private static void born(JdbcTemplate jdbc, LogbookEntry entry, BirthPayload birth, long node) {
        List<Parent> parents = new ArrayList<>(List.of(new Parent(birth.parent(), false)));
        if (birth.secondaryParent() != null) {
            parents.add(new Parent(birth.secondaryParent(), true));
        }
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(Timestamps.parse(entry.body().ts()), ZoneOffset.UTC);
        Map<Long, Reach> closure = new LinkedHashMap<>();
        for (Parent parent : parents) {
            jdbc.update("insert into lineage_edge (parent, child, path, secondary, created_at, position) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    parent.id(), entry.body().vacant(), birth.path().name(), parent.secondary(), createdAt, node);
            reachThrough(jdbc, parent, closure);
        }
        List<Object[]> rows = closure.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), node, e.getValue().depth(), e.getValue().viaSecondary()})
                .toList();
        jdbc.batchUpdate("insert into lineage_closure (ancestor, descendant, depth, via_secondary) values (?, ?, ?, ?)",
                rows);
    }

    /** Adds the parent and its ancestors, one step further away, keeping the shorter distance (earlier parent on ties). */
    private static void reachThrough(JdbcTemplate jdbc, Parent parent, Map<Long, Reach> closure) {
        Long parentNode = node(jdbc, parent.id());
        if (parentNode == null) {
            throw new IllegalStateException("lineage: parent " + parent.id() + " was never born");
        }
        closure.merge(parentNode, new Reach(1, parent.secondary()), LineageProjector::nearer);
        jdbc.query("select ancestor, depth from lineage_closure where descendant = ?",
                rs -> {
                    closure.merge(rs.getLong(1), new Reach(rs.getInt(2) + 1, parent.secondary()), LineageProjector::nearer);
                }, parentNode);
    }

    private static Reach nearer(Reach known, Reach candidate) {
        return candidate.depth() < known.depth() ? candidate : known;
    }

    private static Long node(JdbcTemplate jdbc, String vacantId) {
        return jdbc.query("select node from lineage_node where vacant_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, vacantId);
    }
}
