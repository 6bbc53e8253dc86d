package dev.vacant.query.composite;

import dev.vacant.kernel.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the composite read model (visibility is the caller's business: see the REST layer). */
@Component
public class CompositeQueries {

    private static final String CHILD_COLUMNS = "c.child_id, c.parent_id, c.registered_at, c.schema_version, "
            + "c.birth_path, c.closed_by_default, c.registry_visibility, c.endpoint_reachability, c.outbound_policy, "
            + "c.manifest, c.graduated_at, c.capability_text, c.same_controller_milli, c.same_substrate_milli, "
            + "c.same_stylo_milli, coalesce(o.allowed, 0) as allowed, coalesce(o.denied, 0) as denied";

    private final JdbcTemplate jdbc;

    public CompositeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The registered children of {@code parent}, in id order. */
    public List<CompositeChildRow> children(String parent) {
        return jdbc.query("select " + CHILD_COLUMNS + " from " + CompositeProjector.CHILDREN + " c left join "
                + CompositeProjector.OUTBOUND + " o on o.vacant_id = c.child_id where c.parent_id = ? order by c.child_id",
                CompositeQueries::child, parent);
    }

    /** The composite whose tree {@code child} is inside: its parent while it is registered and not graduated. */
    public Optional<String> treeParentOf(String child) {
        return jdbc.queryForList("select parent_id from " + CompositeProjector.CHILDREN
                + " where child_id = ? and graduated_at is null", String.class, child).stream().findFirst();
    }

    /** The peers on {@code parent}'s allowlist, in id order. */
    public List<String> allowlist(String parent) {
        return jdbc.queryForList("select peer_id from " + CompositeProjector.ALLOWLIST + " where parent_id = ? "
                + "order by peer_id", String.class, parent);
    }

    /** The delegations of {@code parent}, in the order of its chain (so plans in order, and plan order within). */
    public List<DelegationRow> delegations(String parent) {
        return jdbc.query("select delegation_id, child_id, plan_id, plan_index, parallel, aggregate, subtask_digest, delegated_at, "
                + "result_digest, result, error, completed_at from " + CompositeProjector.DELEGATIONS + " where parent_id = ? "
                + "order by parent_seq", CompositeQueries::delegation, parent);
    }

    /** How many children of {@code parent} graduated after {@code since}. */
    public long graduationsSince(String parent, Instant since) {
        Long count = jdbc.queryForObject("select count(*) from " + CompositeProjector.CHILDREN
                + " where parent_id = ? and graduated_at > ?", Long.class, parent, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        return count == null ? 0 : count;
    }

    /** The signed capability card of a graduated vacant, as stored. */
    public Optional<String> card(String vacant) {
        return jdbc.queryForList("select card from " + CompositeProjector.CARDS + " where vacant_id = ?", String.class,
                vacant).stream().findFirst();
    }

    private static CompositeChildRow child(ResultSet rs, int row) throws SQLException {
        return new CompositeChildRow(rs.getString("child_id"), rs.getString("parent_id"), instant(rs, "registered_at"),
                rs.getString("schema_version"), rs.getString("birth_path"), rs.getBoolean("closed_by_default"),
                rs.getString("registry_visibility"), rs.getString("endpoint_reachability"),
                rs.getString("outbound_policy"), Json.parse(rs.getString("manifest")), instant(rs, "graduated_at"),
                rs.getString("capability_text"), nullableLong(rs, "same_controller_milli"),
                nullableLong(rs, "same_substrate_milli"), nullableLong(rs, "same_stylo_milli"), rs.getLong("allowed"),
                rs.getLong("denied"));
    }

    private static DelegationRow delegation(ResultSet rs, int row) throws SQLException {
        return new DelegationRow(rs.getString("delegation_id"), rs.getString("child_id"), rs.getString("plan_id"),
                rs.getInt("plan_index"), rs.getBoolean("parallel"), rs.getString("aggregate"), rs.getString("subtask_digest"),
                instant(rs, "delegated_at"), rs.getString("result_digest"), rs.getString("result"),
                rs.getString("error"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
