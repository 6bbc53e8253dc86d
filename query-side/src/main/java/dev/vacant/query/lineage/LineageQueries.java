package dev.vacant.query.lineage;

import dev.vacant.kernel.spawn.SpawnPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Lineage reads ({@code docs/lineage.md}). Descendants come from the closure index, one bounded range per page;
 * ancestors follow primary edges with a depth-limited recursive query. Nothing loads the whole graph.
 */
@Component
public class LineageQueries {

    /**
     * One page of descendants of a vacant, ordered by depth then BIRTH position. Parameters: the vacant id, the
     * maximum depth, the cursor's depth and position (exclusive; 0, 0 for the start), the limit and the offset.
     * The inner query is an index-only range scan of {@code lineage_closure_descendants_idx}; only the page's rows
     * are joined to their edges. {@code bench/LineageBench.java} reads and runs this very text.
     */
    public static final String DESCENDANTS_SQL = """
            select e.child, k.depth, e.parent, e.child, e.path, e.secondary, e.created_at, e.position
            from (select descendant, depth, via_secondary from lineage_closure
                  where ancestor = (select node from lineage_node where vacant_id = ?)
                    and depth <= ? and (depth, descendant) > (?, ?)
                  order by depth, descendant
                  limit ? offset ?) k
            join lineage_edge e on e.position = k.descendant and e.secondary = k.via_secondary
            order by k.depth, k.descendant""";

    private static final String ANCESTORS_SQL = """
            with recursive up (parent, child, path, created_at, position, depth) as (
                select parent, child, path, created_at, position, 1 from lineage_edge
                where child = ? and secondary = false
                union all
                select e.parent, e.child, e.path, e.created_at, e.position, up.depth + 1
                from lineage_edge e join up on e.child = up.parent
                where e.secondary = false and up.depth < ?)
            select parent, depth, parent, child, path, false, created_at, position from up order by depth""";

    private static final String PARENTS_SQL = """
            select parent, 1, parent, child, path, secondary, created_at, position from lineage_edge
            where child = ? order by secondary, parent""";

    private static final RowMapper<LineageLink> LINK = (rs, n) -> new LineageLink(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), SpawnPath.valueOf(rs.getString(5)), rs.getBoolean(6),
            rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8));

    private final JdbcTemplate jdbc;

    public LineageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The primary parent, then D4's second parent (marked); none for a root. */
    public List<LineageLink> parents(String vacantId) {
        return jdbc.query(PARENTS_SQL, LINK, vacantId);
    }

    /** The primary ancestors, nearest first, up to {@code maxDepth} steps or a root. */
    public List<LineageLink> ancestors(String vacantId, int maxDepth) {
        return jdbc.query(ANCESTORS_SQL, LINK, vacantId, maxDepth);
    }

    /**
     * Descendants through both kinds of edge, each once at its shortest distance (at most {@code maxDepth}), after
     * {@code after} and {@code offset} more, at most {@code limit}.
     */
    public DescendantPage descendants(String vacantId, int maxDepth, DescendantCursor after, long offset, int limit) {
        List<LineageLink> items = jdbc.query(DESCENDANTS_SQL, LINK, vacantId, maxDepth, after.depth(), after.position(),
                limit, offset);
        DescendantCursor next = items.size() == limit ? DescendantCursor.after(items.get(items.size() - 1)) : null;
        return new DescendantPage(items, next);
    }

    /** The subtree of {@code vacantId} down to {@code maxDepth}, with at most {@code maxNodes} descendants. */
    public Subtree subtree(String vacantId, int maxDepth, int maxNodes) {
        List<LineageLink> links = descendants(vacantId, maxDepth, DescendantCursor.START, 0, maxNodes + 1).items();
        boolean truncated = links.size() > maxNodes;
        Map<String, List<LineageLink>> byParent = links.subList(0, Math.min(links.size(), maxNodes)).stream()
                .collect(Collectors.groupingBy(LineageLink::parent));
        return new Subtree(new LineageTree(vacantId, null, null, null, children(vacantId, byParent)), truncated);
    }

    private static List<LineageTree> children(String parent, Map<String, List<LineageLink>> byParent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(link -> new LineageTree(link.id(), link.path(), link.secondary(), link.createdAt(),
                        children(link.id(), byParent)))
                .toList();
    }
}
