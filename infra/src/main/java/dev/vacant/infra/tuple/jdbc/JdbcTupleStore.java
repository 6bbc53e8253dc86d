package dev.vacant.infra.tuple.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.command.tuple.space.Waiter;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.ColdData;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tuple store on JDBC (tables of {@code V10__tuple_space.sql}, {@code V11__tuple_waiters.sql}); portable between
 * PostgreSQL and H2. Inside {@link #inTransaction}, tuple inserts and deletes and recorded replies are held back
 * ({@link UnitOfWork}) and sent as multi-row statements before any other statement on their tables and before
 * the commit: a batch of ops costs a few round trips, and a tuple taken in the transaction that wrote it never
 * reaches the table. A take whose tuple is gone by then (another worker of the lane took it) rolls the
 * transaction back rather than hand one tuple out twice.
 */
public class JdbcTupleStore implements TupleStore {

    private static final String COLUMNS = "id, lane, yool, map_coords, authority, source, parent_id, agent_id, data, "
            + "receipts, last_active, lease_expires";
    private static final String VISIBLE = " and (lease_expires is null or lease_expires > ?)"
            + " and (agent_state is null or agent_state = 'ACTIVE')";
    private static final String INSERT_TUPLES = "insert into tuple_entry (" + COLUMNS + ", hilbert, agent_state) values ";
    private static final String TUPLE_ROW = "(" + marks(14) + ")";
    private static final String INSERT_REPLIES = "insert into tuple_op (op_id, lane, reply, applied_at) values ";
    private static final String REPLY_ROW = "(?, ?, ?, ?)";
    /** The first visible rows of each lane of a batch read ahead with its walls (a lane's head). */
    private static final int HEAD = 8;
    /** The most stored matches of a lane read at once (pages grow 1, 2, 4, ... or 16, 32, ... after a head). */
    private static final int PAGE = 100;
    /** Rows per multi-row insert or delete when pending writes are sent. */
    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RowMapper<Tuple> tuples = (rs, row) -> tuple(rs);
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    public JdbcTupleStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get(); // joins the transaction in progress
        }
        return transactions.execute(status -> {
            UnitOfWork unit = new UnitOfWork();
            current.set(unit);
            try {
                T result = work.get();
                unit.flush();
                return result;
            } finally {
                current.remove();
            }
        });
    }

    /** The template for statements on tuple_entry and tuple_op that are not held back: pending writes go first. */
    private JdbcTemplate db() {
        UnitOfWork work = current.get();
        if (work != null) {
            work.flush();
        }
        return jdbc;
    }

    @Override
    public void readAhead(Collection<String> lanes, Instant now) {
        UnitOfWork work = current.get();
        if (work == null || lanes.isEmpty()) {
            return;
        }
        Map<String, Set<String>> walls = new HashMap<>();
        lanes.forEach(lane -> walls.put(lane, new HashSet<>()));
        jdbc.query(anyOf("select wall, capability from tuple_wall where wall = any (?)", lanes), rs -> {
            walls.get(rs.getString(1)).add(rs.getString(2));
        });
        walls.forEach((wall, capabilities) -> work.walls.putIfAbsent(wall, Set.copyOf(capabilities)));
        lanes.forEach(lane -> work.heads.put(lane, new TreeMap<>()));
        List<String> asked = padded(List.copyOf(lanes));
        List<Object> args = new ArrayList<>();
        asked.forEach(lane -> args.addAll(List.of(lane, time(now))));
        String firstRows = "(select seq, " + COLUMNS + " from tuple_entry where lane = ?" + VISIBLE
                + " order by seq limit " + HEAD + ")";
        jdbc.query(String.join(" union all ", Collections.nCopies(asked.size(), firstRows)), rs -> {
            work.heads.get(rs.getString("lane")).put(rs.getLong("seq"), tuple(rs));
        }, args.toArray());
    }

    @Override
    public Map<String, EncodedReply> replies(Collection<String> opIds) {
        Map<String, EncodedReply> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(opIds));
        jdbc.query(anyOf("select op_id, reply from tuple_op where op_id = any (?)", ids), rs -> {
            found.put(rs.getString(1), EncodedReply.decode(rs.getString(2)));
        });
        UnitOfWork work = current.get();
        if (work != null) {
            ids.stream().filter(work.replies::containsKey).forEach(id -> found.put(id, work.replies.get(id).reply()));
        }
        return found;
    }

    @Override
    public void recordReply(String lane, EncodedReply reply, Instant at) {
        UnitOfWork work = current.get();
        if (work != null) {
            work.replies.put(reply.opId(), new Recorded(lane, reply, at));
        } else {
            insertReplies(List.of(new Recorded(lane, reply, at)));
        }
    }

    /** Inserts recorded replies, many rows per statement; an op id recorded before fails it with {@link AppliedBefore}. */
    private void insertReplies(Collection<Recorded> replies) {
        try {
            inChunks(replies.stream().map(Recorded::row).toList(), chunk -> jdbc.update(
                    INSERT_REPLIES + rows(REPLY_ROW, chunk.size()), flat(chunk)));
        } catch (DuplicateKeyException e) {
            throw new AppliedBefore(e);
        }
    }

    @Override
    public void insert(Tuple t, AgentState agentState) {
        UnitOfWork work = current.get();
        if (work != null) {
            work.inserts.put(t.id(), new Insert(t, agentState));
        } else {
            jdbc.update(INSERT_TUPLES + TUPLE_ROW, new Insert(t, agentState).row());
        }
    }

    @Override
    public void insertWaiter(String deployment, Waiter waiter) {
        jdbc.update("insert into tuple_waiter (op_id, lane, deployment, op, deadline) values (?, ?, ?, ?, ?)",
                waiter.op().opId(), waiter.op().lane(), deployment, TupleCodec.write(waiter.op()), time(waiter.deadline()));
    }

    @Override
    public boolean deleteWaiter(String opId) {
        return jdbc.update("delete from tuple_waiter where op_id = ?", opId) == 1;
    }

    @Override
    public List<Waiter> waiters(String deployment) {
        return jdbc.query("select op, deadline from tuple_waiter where deployment = ? order by seq", (rs, row) -> new Waiter(
                (TupleOp.In) TupleCodec.op(rs.getString("op")), rs.getObject("deadline", OffsetDateTime.class).toInstant()),
                deployment);
    }

    /**
     * In a transaction: the first visible match among the stored rows not deleted in it, else among the tuples it
     * inserted (they come after every stored row of the lane). Stored matches are read ahead in lane order and kept
     * until the pending writes are sent, so a run of ins on a lane costs a few queries, and none while the lane's
     * head (read ahead for the batch) holds the answer.
     */
    @Override
    public Optional<Tuple> first(String lane, Template template, Instant now) {
        UnitOfWork work = current.get();
        if (work == null) {
            return new StoredMatches(lane, template, null).first(now, Set.of());
        }
        Optional<Tuple> stored = work.matches.computeIfAbsent(new LaneTemplate(lane, template),
                asked -> new StoredMatches(lane, template, work.heads.get(lane))).first(now, work.deletes);
        if (stored.isPresent()) {
            return stored;
        }
        return work.inserts.values().stream().filter(insert -> insert.visibleIn(lane, now))
                .map(Insert::tuple).filter(template::matches).findFirst();
    }

    /**
     * The stored tuples of a lane that match a template, in lane order: those of the lane's head when it was read
     * ahead, then a growing page at a time.
     */
    private final class StoredMatches {
        private final String lane;
        private final Template template;
        private final ArrayDeque<Tuple> ahead = new ArrayDeque<>();
        private long after;
        private int page = 1;
        private boolean exhausted;

        /** @param head the lane's first visible rows by lane order ({@link #HEAD} at most), or null when not read */
        StoredMatches(String lane, Template template, SortedMap<Long, Tuple> head) {
            this.lane = lane;
            this.template = template;
            if (head != null) {
                head.forEach((seq, tuple) -> {
                    after = seq;
                    if (template.matches(tuple)) {
                        ahead.addLast(tuple);
                    }
                });
                exhausted = head.size() < HEAD;
                page = 2 * HEAD;
            }
        }

        /** The first match that is not deleted and whose lease has not run out at {@code now}. */
        Optional<Tuple> first(Instant now, Set<UUID> deleted) {
            while (true) {
                while (!ahead.isEmpty()) {
                    Tuple candidate = ahead.peekFirst();
                    if (!deleted.contains(candidate.id()) && leased(candidate, now)) {
                        return Optional.of(candidate);
                    }
                    ahead.pollFirst();
                }
                if (exhausted) {
                    return Optional.empty();
                }
                readPage(now);
            }
        }

        private void readPage(Instant now) {
            StringBuilder sql = new StringBuilder("select seq, " + COLUMNS + " from tuple_entry where lane = ?" + VISIBLE);
            List<Object> args = new ArrayList<>(List.of(lane, time(now)));
            envelope(sql, args, "yool", template.yool());
            envelope(sql, args, "authority", template.authority());
            envelope(sql, args, "source", template.source());
            envelope(sql, args, "parent_id", template.parentId() == null ? null : template.parentId().toString());
            envelope(sql, args, "agent_id", template.agentId());
            sql.append(" and seq > ? order by seq limit ").append(page);
            args.add(after);
            int read = jdbc.query(sql.toString(), (ResultSet rs) -> {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    after = rs.getLong("seq");
                    Tuple candidate = tuple(rs);
                    if (template.matches(candidate)) {
                        ahead.addLast(candidate);
                    }
                }
                return rows;
            }, args.toArray());
            exhausted = read < page;
            page = Math.min(2 * page, PAGE);
        }
    }

    private static boolean leased(Tuple tuple, Instant now) {
        return tuple.leaseExpires() == null || tuple.leaseExpires().isAfter(now);
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
        return db().query(sql.toString(), tuples, args.toArray());
    }

    @Override
    public void delete(UUID id) {
        UnitOfWork work = current.get();
        if (work == null) {
            jdbc.update("delete from tuple_entry where id = ?", id.toString());
        } else if (work.inserts.remove(id) == null) {
            work.deletes.add(id);
        }
    }

    @Override
    public void update(Tuple t) {
        db().update("update tuple_entry set data = ?, receipts = ?, last_active = ? where id = ?",
                Json.write(t.data()), Json.write(t.receipts()), time(t.lastActive()), t.id().toString());
    }

    /** Read once per transaction (its lane's worker is the only writer of a wall). */
    @Override
    public Set<String> wall(String wall) {
        UnitOfWork work = current.get();
        return work == null ? storedWall(wall) : work.walls.computeIfAbsent(wall, this::storedWall);
    }

    private Set<String> storedWall(String wall) {
        return Set.copyOf(jdbc.queryForList("select capability from tuple_wall where wall = ?", String.class, wall));
    }

    @Override
    public boolean hook(String wall, String capability) {
        if (wall(wall).contains(capability)) {
            return false;
        }
        forgetWall(wall);
        return jdbc.update("insert into tuple_wall (wall, capability) values (?, ?)", wall, capability) == 1;
    }

    @Override
    public boolean unhook(String wall, String capability) {
        forgetWall(wall);
        return jdbc.update("delete from tuple_wall where wall = ? and capability = ?", wall, capability) == 1;
    }

    private void forgetWall(String wall) {
        UnitOfWork work = current.get();
        if (work != null) {
            work.walls.remove(wall);
        }
    }

    @Override
    public Optional<Tuple> tuple(UUID id) {
        return db().query("select " + COLUMNS + " from tuple_entry where id = ?", tuples, id.toString()).stream().findFirst();
    }

    @Override
    public Optional<StoredAgent> agent(String agentId) {
        return db().query("select " + COLUMNS + ", agent_state, data_digest from tuple_entry where agent_id = ?",
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
        db().update("update tuple_entry set data = ?, receipts = ?, last_active = ?, agent_state = 'COMPRESSED',"
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
        db().update("update tuple_entry set data = ?, receipts = ?, last_active = ?, agent_state = 'ACTIVE',"
                        + " data_digest = null where agent_id = ?", Json.write(agent.data()), Json.write(agent.receipts()),
                time(agent.lastActive()), agent.agentId());
        jdbc.update("delete from tuple_cold where agent_id = ?", agent.agentId());
    }

    @Override
    public List<String> leastActiveAgents(String prefix, int limit) {
        return prefix == null
                ? db().queryForList("select agent_id from tuple_entry where agent_state = 'ACTIVE'"
                        + " order by last_active, seq limit ?", String.class, limit)
                : db().queryForList("select agent_id from tuple_entry where agent_state = 'ACTIVE' and agent_id like ?"
                        + " order by last_active, seq limit ?", String.class, like(prefix), limit);
    }

    @Override
    public long activeAgents(String prefix) {
        return prefix == null
                ? db().queryForObject("select count(*) from tuple_entry where agent_state = 'ACTIVE'", Long.class)
                : db().queryForObject("select count(*) from tuple_entry where agent_state = 'ACTIVE' and agent_id like ?",
                        Long.class, like(prefix));
    }

    @Override
    public SpaceCounts counts(Instant now) {
        Map<String, Long> lanes = new LinkedHashMap<>();
        db().query("select lane, count(*) from tuple_entry where lease_expires is null or lease_expires > ?"
                + " group by lane order by lane", rs -> {
                    lanes.put(rs.getString(1), rs.getLong(2));
                }, time(now));
        long total = lanes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> agents = new LinkedHashMap<>();
        db().query("select agent_state, count(*) from tuple_entry where agent_state is not null group by agent_state",
                rs -> {
                    agents.put(rs.getString(1), rs.getLong(2));
                });
        long virtual = jdbc.queryForObject("select coalesce(sum(size - materialized), 0) from tuple_subtree", Long.class);
        return new SpaceCounts(total, lanes, agents.getOrDefault("ACTIVE", 0L), agents.getOrDefault("COMPRESSED", 0L),
                virtual);
    }

    @Override
    public int reapExpired(Instant now) {
        return db().update("delete from tuple_entry where lease_expires <= ?", time(now));
    }

    @Override
    public int pruneReplies(Instant recordedBefore) {
        return db().update("delete from tuple_op where applied_at < ?", time(recordedBefore));
    }

    /**
     * The transaction in progress: its writes that are not sent yet, and what it learnt from the tables (until the
     * writes are sent: the heads of lanes and the stored matches read ahead; and the walls it read).
     */
    private final class UnitOfWork {
        final Map<UUID, Insert> inserts = new LinkedHashMap<>();
        final Set<UUID> deletes = new LinkedHashSet<>();
        final Map<String, Recorded> replies = new LinkedHashMap<>();
        final Map<String, SortedMap<Long, Tuple>> heads = new HashMap<>();
        final Map<LaneTemplate, StoredMatches> matches = new HashMap<>();
        final Map<String, Set<String>> walls = new HashMap<>();

        /** Sends the held-back writes, many rows per statement; the tables then hold every tuple. */
        void flush() {
            inChunks(inserts.values().stream().map(Insert::row).toList(), chunk -> jdbc.update(
                    INSERT_TUPLES + rows(TUPLE_ROW, chunk.size()), flat(chunk)));
            inChunks(deletes.stream().map(UUID::toString).toList(), chunk -> {
                if (jdbc.update("delete from tuple_entry where id in (" + marks(chunk.size()) + ")", chunk.toArray())
                        < chunk.size()) {
                    throw new ConcurrentModificationException("a tuple taken in this transaction is gone"
                            + " (taken by another worker of its lane, or reaped); the transaction rolls back");
                }
            });
            insertReplies(replies.values());
            inserts.clear();
            deletes.clear();
            replies.clear();
            heads.clear();
            matches.clear();
        }
    }

    /** A tuple to insert. */
    private record Insert(Tuple tuple, AgentState agentState) {

        boolean visibleIn(String lane, Instant now) {
            return tuple.lane().equals(lane) && leased(tuple, now) && agentState != AgentState.COMPRESSED;
        }

        Object[] row() {
            Tuple t = tuple;
            return new Object[] {t.id().toString(), t.lane(), t.yool(), coords(t.map()), t.authority().value(),
                    t.source(), t.parentId() == null ? null : t.parentId().toString(), t.agentId(),
                    Json.write(t.data()), Json.write(t.receipts()), time(t.lastActive()), time(t.leaseExpires()),
                    t.hilbert(), agentState == null ? null : agentState.name()};
        }
    }

    /** A reply to record. */
    private record Recorded(String lane, EncodedReply reply, Instant at) {

        Object[] row() {
            return new Object[] {reply.opId(), lane, reply.json(), time(at)};
        }
    }

    /** What {@link #first} looks for. */
    private record LaneTemplate(String lane, Template template) {
    }

    /** {@code sql} with its one parameter, {@code = any (?)}, bound to {@code values} as an array (one shape, one bind). */
    private static PreparedStatementCreator anyOf(String sql, Collection<String> values) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("varchar", values.toArray()));
            return statement;
        };
    }

    /**
     * {@code values} padded with copies of its last one to the next power of two: a statement listing them then has
     * a handful of shapes, whose plans the database can reuse (duplicates change no answer here).
     */
    private static <T> List<T> padded(List<T> values) {
        int size = values.size() <= 1 ? values.size() : Integer.highestOneBit(values.size() - 1) << 1;
        List<T> padded = new ArrayList<>(values);
        while (padded.size() < size) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static Object[] flat(List<Object[]> rows) {
        return rows.stream().flatMap(Arrays::stream).toArray();
    }

    /** Hands {@code items} to {@code statement} at most {@link #ROWS_PER_STATEMENT} at a time. */
    private static <T> void inChunks(List<T> items, Consumer<List<T>> statement) {
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            statement.accept(items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT)));
        }
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
