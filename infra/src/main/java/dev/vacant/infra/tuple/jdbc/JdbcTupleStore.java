package dev.vacant.infra.tuple.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.tuple.space.TupleCodec;
import dev.vacant.infra.tuple.space.TupleReply;
import dev.vacant.infra.tuple.space.TupleStore;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.ColdData;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The tuple store on JDBC (tables of {@code V10__tuple_space.sql}); portable between PostgreSQL and H2. */
public class JdbcTupleStore implements TupleStore {

    private static final String COLUMNS = "id, lane, yool, map_coords, authority, source, parent_id, agent_id, data, "
            + "receipts, last_active, lease_expires";
    private static final String VISIBLE = " and (lease_expires is null or lease_expires > ?)"
            + " and (agent_state is null or agent_state = 'ACTIVE')";
    private static final int PAGE = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RowMapper<Tuple> tuples = (rs, row) -> tuple(rs);

    public JdbcTupleStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public Optional<TupleReply> reply(String opId) {
        return jdbc.query("select reply from tuple_op where op_id = ?", (rs, row) -> TupleCodec.reply(rs.getString(1)),
                opId).stream().findFirst();
    }

    @Override
    public void recordReply(String lane, TupleReply reply, Instant at) {
        jdbc.update("insert into tuple_op (op_id, lane, reply, applied_at) values (?, ?, ?, ?)",
                reply.opId(), lane, TupleCodec.write(reply), time(at));
    }

    @Override
    public void insert(Tuple t, AgentState agentState) {
        jdbc.update("insert into tuple_entry (" + COLUMNS + ", hilbert, agent_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id().toString(), t.lane(), t.yool(), coords(t.map()), t.authority().value(), t.source(),
                t.parentId() == null ? null : t.parentId().toString(), t.agentId(), Json.write(t.data()),
                Json.write(t.receipts()), time(t.lastActive()), time(t.leaseExpires()), t.hilbert(),
                agentState == null ? null : agentState.name());
    }

    @Override
    public Optional<Tuple> first(String lane, Template template, Instant now) {
        StringBuilder sql = new StringBuilder("select seq, " + COLUMNS + " from tuple_entry where lane = ?" + VISIBLE);
        List<Object> args = new ArrayList<>(List.of(lane, time(now)));
        envelope(sql, args, "yool", template.yool());
        envelope(sql, args, "authority", template.authority());
        envelope(sql, args, "source", template.source());
        envelope(sql, args, "parent_id", template.parentId() == null ? null : template.parentId().toString());
        envelope(sql, args, "agent_id", template.agentId());
        sql.append(" and seq > ? order by seq limit ").append(template.constrainsData() ? PAGE : 1);
        long after = 0;
        while (true) {
            List<Object> page = new ArrayList<>(args);
            page.add(after);
            List<Object[]> rows = jdbc.query(sql.toString(), (rs, row) -> new Object[] {rs.getLong("seq"), tuple(rs)},
                    page.toArray());
            for (Object[] row : rows) {
                Tuple candidate = (Tuple) row[1];
                if (template.matches(candidate)) {
                    return Optional.of(candidate);
                }
                after = (Long) row[0];
            }
            if (rows.size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    @Override
    public List<Tuple> scan(String lane, String yool, Long hilbertFrom, Long hilbertTo, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from tuple_entry where lane = ?"
                + " and (lease_expires is null or lease_expires > ?)");
        List<Object> args = new ArrayList<>(List.of(lane, time(now)));
        envelope(sql, args, "yool", yool);
        if (hilbertFrom != null) {
            sql.append(" and hilbert >= ?");
            args.add(hilbertFrom);
        }
        if (hilbertTo != null) {
            sql.append(" and hilbert <= ?");
            args.add(hilbertTo);
        }
        sql.append(" order by seq limit ").append(limit);
        return jdbc.query(sql.toString(), tuples, args.toArray());
    }

    @Override
    public void delete(UUID id) {
        jdbc.update("delete from tuple_entry where id = ?", id.toString());
    }

    @Override
    public void update(Tuple t) {
        jdbc.update("update tuple_entry set data = ?, receipts = ?, last_active = ? where id = ?",
                Json.write(t.data()), Json.write(t.receipts()), time(t.lastActive()), t.id().toString());
    }

    @Override
    public Set<String> wall(String wall) {
        return new HashSet<>(jdbc.queryForList("select capability from tuple_wall where wall = ?", String.class, wall));
    }

    @Override
    public boolean hook(String wall, String capability) {
        if (wall(wall).contains(capability)) {
            return false;
        }
        return jdbc.update("insert into tuple_wall (wall, capability) values (?, ?)", wall, capability) == 1;
    }

    @Override
    public boolean unhook(String wall, String capability) {
        return jdbc.update("delete from tuple_wall where wall = ? and capability = ?", wall, capability) == 1;
    }

    @Override
    public Optional<Tuple> tuple(UUID id) {
        return jdbc.query("select " + COLUMNS + " from tuple_entry where id = ?", tuples, id.toString()).stream().findFirst();
    }

    @Override
    public Optional<StoredAgent> agent(String agentId) {
        return jdbc.query("select " + COLUMNS + ", agent_state, data_digest from tuple_entry where agent_id = ?",
                (rs, row) -> new StoredAgent(tuple(rs), AgentState.valueOf(rs.getString("agent_state")),
                        rs.getString("data_digest")), agentId).stream().findFirst();
    }

    @Override
    public void insertSubtree(Subtree s) {
        jdbc.update("insert into tuple_subtree (receipt, controller_agent, controller_tuple, lane, yool, depth, branching,"
                        + " size, materialized, compression_threshold) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.receipt(), s.controllerAgent(), s.controllerTuple().toString(), s.lane(), s.yool(), s.depth(),
                s.branching(), s.size(), s.materialized(), s.compressionThreshold());
    }

    @Override
    public Optional<Subtree> subtree(String receipt) {
        return jdbc.query("select * from tuple_subtree where receipt = ?", (rs, row) -> new Subtree(
                rs.getString("receipt"), rs.getString("controller_agent"), UUID.fromString(rs.getString("controller_tuple")),
                rs.getString("lane"), rs.getString("yool"), rs.getInt("depth"), rs.getInt("branching"), rs.getLong("size"),
                rs.getLong("materialized"), (Integer) rs.getObject("compression_threshold")), receipt).stream().findFirst();
    }

    @Override
    public void countMaterialized(String receipt) {
        jdbc.update("update tuple_subtree set materialized = materialized + 1 where receipt = ?", receipt);
    }

    @Override
    public void compress(Tuple token, ColdData cold) {
        jdbc.update("update tuple_entry set data = ?, receipts = ?, last_active = ?, agent_state = 'COMPRESSED',"
                        + " data_digest = ? where agent_id = ?", Json.write(token.data()), Json.write(token.receipts()),
                time(token.lastActive()), cold.digest(), token.agentId());
        jdbc.update("insert into tuple_cold (agent_id, digest, bytes) values (?, ?, ?)", token.agentId(), cold.digest(),
                cold.bytes());
    }

    @Override
    public Optional<ColdData> cold(String agentId) {
        return jdbc.query("select digest, bytes from tuple_cold where agent_id = ?",
                (rs, row) -> new ColdData(rs.getString(1), rs.getBytes(2)), agentId).stream().findFirst();
    }

    @Override
    public void restore(Tuple agent) {
        jdbc.update("update tuple_entry set data = ?, receipts = ?, last_active = ?, agent_state = 'ACTIVE',"
                        + " data_digest = null where agent_id = ?", Json.write(agent.data()), Json.write(agent.receipts()),
                time(agent.lastActive()), agent.agentId());
        jdbc.update("delete from tuple_cold where agent_id = ?", agent.agentId());
    }

    @Override
    public List<String> leastActiveAgents(String prefix, int limit) {
        return prefix == null
                ? jdbc.queryForList("select agent_id from tuple_entry where agent_state = 'ACTIVE'"
                        + " order by last_active, seq limit ?", String.class, limit)
                : jdbc.queryForList("select agent_id from tuple_entry where agent_state = 'ACTIVE' and agent_id like ?"
                        + " order by last_active, seq limit ?", String.class, like(prefix), limit);
    }

    @Override
    public long activeAgents(String prefix) {
        return prefix == null
                ? jdbc.queryForObject("select count(*) from tuple_entry where agent_state = 'ACTIVE'", Long.class)
                : jdbc.queryForObject("select count(*) from tuple_entry where agent_state = 'ACTIVE' and agent_id like ?",
                        Long.class, like(prefix));
    }

    @Override
    public SpaceCounts counts(Instant now) {
        Map<String, Long> lanes = new LinkedHashMap<>();
        jdbc.query("select lane, count(*) from tuple_entry where lease_expires is null or lease_expires > ?"
                + " group by lane order by lane", rs -> {
                    lanes.put(rs.getString(1), rs.getLong(2));
                }, time(now));
        long total = lanes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> agents = new LinkedHashMap<>();
        jdbc.query("select agent_state, count(*) from tuple_entry where agent_state is not null group by agent_state",
                rs -> {
                    agents.put(rs.getString(1), rs.getLong(2));
                });
        long virtual = jdbc.queryForObject("select coalesce(sum(size - materialized), 0) from tuple_subtree", Long.class);
        return new SpaceCounts(total, lanes, agents.getOrDefault("ACTIVE", 0L), agents.getOrDefault("COMPRESSED", 0L),
                virtual);
    }

    @Override
    public int reapExpired(Instant now) {
        return jdbc.update("delete from tuple_entry where lease_expires <= ?", time(now));
    }

    private static void envelope(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** A LIKE pattern for ids starting with {@code prefix} (receipts and ids hold no LIKE wildcards but '_'). */
    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Tuple tuple(ResultSet rs) throws SQLException {
        String parent = rs.getString("parent_id");
        OffsetDateTime lease = rs.getObject("lease_expires", OffsetDateTime.class);
        return new Tuple(UUID.fromString(rs.getString("id")), rs.getString("yool"), map(rs.getString("map_coords")),
                VacantId.parse(rs.getString("authority")), rs.getString("lane"), rs.getString("source"),
                parent == null ? null : UUID.fromString(parent), rs.getString("agent_id"),
                (ObjectNode) Json.parse(rs.getString("data")), receipts(rs.getString("receipts")),
                rs.getObject("last_active", OffsetDateTime.class).toInstant(), lease == null ? null : lease.toInstant());
    }

    private static List<String> receipts(String json) {
        List<String> receipts = new ArrayList<>();
        ((ArrayNode) Json.parse(json)).forEach(node -> receipts.add(node.asText()));
        return receipts;
    }

    private static String coords(TupleMap map) {
        return String.join(",", map.coords().stream().map(String::valueOf).toList());
    }

    private static TupleMap map(String coords) {
        return new TupleMap(Arrays.stream(coords.split(",")).map(Integer::valueOf).toList());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public <T> T inReadOnlyTransaction(Supplier<T> work) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return snapshot.execute(status -> work.get());
    }

    @Override
    public List<Tuple> scanLanesAfter(String afterLane, String yool, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from tuple_entry"
                + " where (lease_expires is null or lease_expires > ?)");
        List<Object> args = new ArrayList<>(List.of(time(now)));
        if (afterLane != null) {
            sql.append(" and lane > ?");
            args.add(afterLane);
        }
        envelope(sql, args, "yool", yool);
        sql.append(" order by lane, seq limit ").append(limit);
        return jdbc.query(sql.toString(), tuples, args.toArray());
    }
}
