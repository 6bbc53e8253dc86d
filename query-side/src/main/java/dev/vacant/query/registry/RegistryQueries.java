package dev.vacant.query.registry;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registry reads with visibility: an operator sees every vacant; a controller sees its own and the listed ones
 * (PUBLIC and neither LOCAL nor ARCHIVED). Anything else does not exist for the viewer.
 */
@Component
public class RegistryQueries {

    /** The SQL form of {@link #visible}: the viewer's own vacants and the listed ones ({@link RegistryRow#listed}). */
    private static final String VISIBLE_TO_CONTROLLER =
            "(controller = ? or (registry_visibility = ? and state not in (?, ?)))";

    private final JdbcTemplate jdbc;
    private final RegistryRows rows = new RegistryRows();

    public RegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The vacant, if it exists and {@code viewer} may see it. */
    public Optional<RegistryRow> find(Actor viewer, String vacantId) {
        return rows.find(jdbc, vacantId).filter(row -> visible(viewer, row));
    }

    /** One page in id order (stable keyset pagination); ARCHIVED vacants only when the filter asks for that state. */
    public List<RegistryRow> list(RegistryFilter filter) {
        StringBuilder sql = new StringBuilder("select " + RegistryRows.COLUMNS + " from " + RegistryRows.TABLE + " where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.state() == null) {
            condition(sql, args, "state <> ?", LifecycleState.ARCHIVED.name());
        }
        condition(sql, args, "state = ?", filter.state() == null ? null : filter.state().name());
        condition(sql, args, "controller = ?", filter.controller());
        condition(sql, args, "registry_visibility = ?", filter.visibility() == null ? null : filter.visibility().name());
        condition(sql, args, "vacant_id > ?", filter.after());
        if (!filter.viewer().isOperator()) {
            sql.append(" and ").append(VISIBLE_TO_CONTROLLER);
            args.addAll(visibilityArgs(filter.viewer()));
        }
        sql.append(" order by vacant_id limit ?");
        args.add(filter.limit());
        return jdbc.query(sql.toString(), RegistryRows.MAPPER, args.toArray());
    }

    /** Which of {@code ids} the viewer may see (all of them for an operator). */
    public Set<String> visibleAmong(Actor viewer, Collection<String> ids) {
        if (viewer.isOperator() || ids.isEmpty()) {
            return new HashSet<>(ids);
        }
        List<Object> args = new ArrayList<>(ids);
        args.addAll(visibilityArgs(viewer));
        return new HashSet<>(jdbc.queryForList("select vacant_id from " + RegistryRows.TABLE + " where vacant_id in ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                + " and " + VISIBLE_TO_CONTROLLER, String.class, args.toArray()));
    }

    /** The stored bundle or substrate content of a digest. */
    public Optional<String> content(String digest) {
        return jdbc.queryForList("select content from vacant_content where digest = ?", String.class, digest)
                .stream().findFirst();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            args.add(value);
        }
    }

    private static List<Object> visibilityArgs(Actor viewer) {
        return List.of(viewer.principal(), RegistryVisibility.PUBLIC.name(), LifecycleState.LOCAL.name(),
                LifecycleState.ARCHIVED.name());
    }

    private static boolean visible(Actor viewer, RegistryRow row) {
        return viewer.isOperator() || viewer.principal().equals(row.controller()) || row.listed();
    }
}
