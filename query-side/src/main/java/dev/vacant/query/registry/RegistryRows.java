package dev.vacant.query.registry;

import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.query.projection.SqlLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;

/** Reads and writes {@link RegistryRow}s in {@code vacant_registry} (unqualified, portable SQL). */
public final class RegistryRows {

    public static final String TABLE = "vacant_registry";
    static final String COLUMNS = "vacant_id, state, controller, registry_visibility, provider, model, model_family, "
            + "bundle_digest, substrate_digest, birth_path, parent, secondary_parent, capability_text, created_at, "
            + "last_active, state_since, last_heartbeat, heartbeat_count, drift_latest_milli, drift_detections, "
            + "samples, head_seq, head_hash, position";
    static final RowMapper<RegistryRow> MAPPER = RegistryRows::map;
    private static final int COLUMN_COUNT = COLUMNS.split(", ").length;
    private static final String INSERT = "insert into " + TABLE + " (" + COLUMNS + ") values ("
            + String.join(", ", Collections.nCopies(COLUMN_COUNT, "?")) + ")";
    private static final String UPDATE = "update " + TABLE + " set "
            + Arrays.stream(COLUMNS.split(", ")).skip(1).map(column -> column + " = ?").collect(Collectors.joining(", "))
            + " where vacant_id = ?";

    public Optional<RegistryRow> find(JdbcTemplate jdbc, String vacantId) {
        return jdbc.query("select " + COLUMNS + " from " + TABLE + " where vacant_id = ?", MAPPER, vacantId)
                .stream().findFirst();
    }

    /** The rows of {@code vacantIds} that exist, by vacant id, in one query. */
    Map<String, RegistryRow> findAll(JdbcTemplate jdbc, Collection<String> vacantIds) {
        Map<String, RegistryRow> found = new HashMap<>();
        if (!vacantIds.isEmpty()) {
            jdbc.query("select " + COLUMNS + " from " + TABLE + " where vacant_id in ("
                            + SqlLists.placeholders(vacantIds.size()) + ")", MAPPER, vacantIds.toArray())
                    .forEach(row -> found.put(row.vacantId(), row));
        }
        return found;
    }

    /** Inserts {@code born} in one JDBC batch. */
    void insertAll(JdbcTemplate jdbc, List<RegistryRow> born) {
        if (!born.isEmpty()) {
            jdbc.batchUpdate(INSERT, born.stream().map(row -> values(row).toArray()).toList());
        }
    }

    /** Rewrites {@code changed} (rows that exist) in one JDBC batch. */
    void updateAll(JdbcTemplate jdbc, List<RegistryRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPDATE, changed.stream().map(row -> {
            List<Object> values = new ArrayList<>(values(row).subList(1, COLUMN_COUNT));
            values.add(row.vacantId());
            return values.toArray();
        }).toList());
    }

    private static List<Object> values(RegistryRow r) {
        return Arrays.asList(r.vacantId(), r.state().name(), r.controller(), r.visibility().name(),
                r.provider(), r.model(), r.modelFamily(), r.bundleDigest(), r.substrateDigest(), r.birthPath(),
                r.parent(), r.secondaryParent(), r.capabilityText(), time(r.createdAt()), time(r.lastActive()),
                time(r.stateSince()), time(r.lastHeartbeat()), r.heartbeatCount(), r.driftLatestMilli(),
                r.driftDetections(), r.samples(), r.headSeq(), r.headHash(), r.position());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static RegistryRow map(ResultSet rs, int rowNum) throws SQLException {
        long drift = rs.getLong("drift_latest_milli");
        Long driftLatest = rs.wasNull() ? null : drift;
        return new RegistryRow(rs.getString("vacant_id"), LifecycleState.valueOf(rs.getString("state")),
                rs.getString("controller"), RegistryVisibility.valueOf(rs.getString("registry_visibility")),
                rs.getString("provider"), rs.getString("model"), rs.getString("model_family"),
                rs.getString("bundle_digest"), rs.getString("substrate_digest"), rs.getString("birth_path"),
                rs.getString("parent"), rs.getString("secondary_parent"), rs.getString("capability_text"),
                instant(rs, "created_at"), instant(rs, "last_active"), instant(rs, "state_since"),
                instant(rs, "last_heartbeat"), rs.getLong("heartbeat_count"), driftLatest,
                rs.getLong("drift_detections"), rs.getLong("samples"), rs.getLong("head_seq"),
                rs.getString("head_hash"), rs.getLong("position"));
    }
}
