import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vacant.infra.tuple.jdbc.JdbcTupleStore;
import dev.vacant.command.tuple.space.BudSpawner;
import dev.vacant.command.tuple.space.CompositeTrees;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.InProcessLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaReplyPublisher;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.infra.tuple.transport.PendingReplies;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleIds;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tuple-space benchmark (issue 6). Starts a one-node KRaft broker in this JVM (spring-kafka-test, as the tests do),
 * migrates the given PostgreSQL with the application's Flyway scripts and wires the lane worker as the application
 * does ({@code KafkaLaneClients}: one {@code LaneWorker} in consumer group vacant-lane-workers, replies through
 * {@code KafkaReplyPublisher}, a {@code KafkaLaneTransport} front). For each lane count it runs closed-loop out+in
 * pairs (the in takes the lane's oldest "job" tuple), WINDOW pairs in flight spread over the lanes, and prints
 * pairs/s with the p50/p99 pair latency. In the same run it measures:
 * <ul>
 *   <li>the raw produce+consume rate of the broker: records of an op's size through the same producer settings and a
 *       consumer like the worker's (records/s from the first send until the last record is consumed);</li>
 *   <li>the raw batched-INSERT rate of the database: rows of a stored tuple's size, MAX_POLL_RECORDS rows per
 *       executeBatch and commit, on one connection like the worker's (rows/s; the mean of a run before and one after
 *       the pairs, as the machine's load drifts);</li>
 *   <li>the in-process transport's pairs/s on the same database.</li>
 * </ul>
 * ratio = Kafka pairs/s / (raw rows/s / 4): a pair writes four rows (out: its tuple and reply; in: the tuple's
 * deletion and its reply). Discarded warm-up phases at the largest lane count (WARMUP seconds on each transport) let
 * the JIT compile first: after 10 s, C2 was still compiling at half a core through the Kafka phases.
 *
 * Usage: java -cp CLASSPATH bench/TupleLoad.java JDBC_URL USER PASSWORD SECONDS WARMUP WINDOW LANES...
 */
public class TupleLoad {

    static final int PARTITIONS = 16;
    /** The application's default {@code vacant.lanes.kafka.max-poll-records}. */
    static final int MAX_POLL_RECORDS = 500;
    static final String COMMANDS = "vacant.tuple.commands";
    static final String REPLIES = "vacant.tuple.replies";
    static final Clock CLOCK = Clock.systemUTC();
    /** The benchmark's vacants are in no composite and materialize no agent as a vacant. */
    static final CompositeTrees NO_COMPOSITES = vacant -> Optional.empty();
    static final BudSpawner NO_BUDS = (parent, key) -> {
        throw new UnsupportedOperationException("the benchmark spawns no vacants");
    };
    /** Records the raw producer may have unacknowledged (about 4 MB of ops). */
    static final int IN_FLIGHT_RECORDS = 10_000;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String url = args[0];
        int seconds = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        int window = Integer.parseInt(args[5]);
        int[] laneCounts = Arrays.stream(args, 6, args.length).mapToInt(Integer::parseInt).toArray();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(8);
        try (HikariDataSource db = new HikariDataSource(config)) {
            Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load().migrate();
            TupleStore store = new JdbcTupleStore(new JdbcTemplate(db),
                    new TransactionTemplate(new DataSourceTransactionManager(db)));
            TupleSpace space = new TupleSpace(store, NO_COMPOSITES, NO_BUDS, CLOCK, new TupleIds(CLOCK, new SecureRandom()), Json::object,
                    Json::object);
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            broker.afterPropertiesSet();
            try {
                run(broker, db, store, space, seconds, warmUp, window, laneCounts);
            } finally {
                broker.destroy();
            }
        }
        System.exit(0);
    }

    static void run(EmbeddedKafkaKraftBroker broker, HikariDataSource db, TupleStore store, TupleSpace space,
                    int seconds, int warmUp, int window, int[] laneCounts) throws Exception {
        String rawTopic = "bench.raw";
        broker.addTopics(new NewTopic(COMMANDS, PARTITIONS, (short) 1), new NewTopic(REPLIES, PARTITIONS, (short) 1),
                new NewTopic(rawTopic, PARTITIONS, (short) 1));
        KafkaLaneClients clients = new KafkaLaneClients(broker.getBrokersAsString());
        KafkaTemplate<String, String> producer = clients.template();
        ConcurrentMessageListenerContainer<String, String> worker = clients.workerContainer(
                new LaneWorker(space, store, new KafkaReplyPublisher(producer, REPLIES), "bench-kafka"), COMMANDS,
                "vacant-lane-workers", 1, MAX_POLL_RECORDS);
        KafkaLaneTransport kafka = new KafkaLaneTransport(producer, COMMANDS, new PendingReplies(), Duration.ofSeconds(60));
        ConcurrentMessageListenerContainer<String, String> front = clients.replyContainer(kafka, REPLIES);
        worker.setBeanName("lane-worker");
        front.setBeanName("tuple-front");
        worker.start();
        front.start();
        ContainerTestUtils.waitForAssignment(worker, PARTITIONS);
        ExecutorService lanePool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        PendingReplies inProcessReplies = new PendingReplies();
        InProcessLaneTransport inProcess = new InProcessLaneTransport(lanePool, inProcessReplies);
        inProcess.bind(new LaneWorker(space, store, inProcessReplies, "bench-in-process"));
        int widest = Arrays.stream(laneCounts).max().orElse(64);

        pairs(db, kafka, widest, window, warmUp);
        pairs(db, inProcess, widest, window, warmUp);
        double records = rawKafka(broker, producer, rawTopic, seconds);
        double rowsBefore = rawInserts(db, seconds);
        List<Result[]> results = new ArrayList<>();
        for (int lanes : laneCounts) {
            results.add(new Result[] {pairs(db, kafka, lanes, window, seconds),
                    pairs(db, inProcess, lanes, window, seconds)});
        }
        double rowsAfter = rawInserts(db, seconds);
        double rows = (rowsBefore + rowsAfter) / 2;
        System.out.printf("raw Kafka produce+consume: %,.0f records/s; raw PostgreSQL batched INSERT: %,.0f rows/s"
                + " (%,.0f before and %,.0f after the pairs, %d rows per batch); %d pairs in flight%n", records, rows,
                rowsBefore, rowsAfter, MAX_POLL_RECORDS, window);
        System.out.printf("%-6s %14s %9s %9s %7s %19s %9s %9s%n", "lanes", "kafka pairs/s", "p50 ms", "p99 ms", "ratio",
                "in-process pairs/s", "p50 ms", "p99 ms");
        for (int n = 0; n < laneCounts.length; n++) {
            Result viaKafka = results.get(n)[0];
            Result viaMemory = results.get(n)[1];
            System.out.printf("%-6d %14.0f %9.2f %9.2f %7.2f %19.0f %9.2f %9.2f%n", laneCounts[n], viaKafka.rate(),
                    viaKafka.percentile(50), viaKafka.percentile(99), viaKafka.rate() / (rows / 4), viaMemory.rate(),
                    viaMemory.percentile(50), viaMemory.percentile(99));
        }
        front.stop();
        worker.stop();
        clients.close();
        lanePool.shutdownNow();
    }

    record Result(long pairs, double elapsedSeconds, long[] sortedNanos) {
        double rate() {
            return pairs / elapsedSeconds;
        }

        double percentile(int p) {
            return sortedNanos.length == 0 ? 0 : sortedNanos[(int) Math.min(sortedNanos.length - 1,
                    Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1e6;
        }
    }

    /**
     * Closed-loop pairs: {@code window} slots, slot i on lane i mod {@code lanes}, each sending an out and right after
     * it an in for the lane's oldest "job", and the next pair once both replied. An in answered empty is an error.
     */
    static Result pairs(HikariDataSource db, LaneTransport transport, int lanes, int window, int seconds)
            throws Exception {
        emptyTupleTables(db);
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Authority authority = new Authority(VacantId.of(new byte[32]), Set.of());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(window);
        long start = System.nanoTime();
        for (int slot = 0; slot < window; slot++) {
            new Slot(transport, prefix + (slot % lanes), authority, deadline, latencies, failure, finished).next();
        }
        if (!finished.await(seconds + 120L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pairs did not finish");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a pair failed", failure.get());
        }
        synchronized (latencies) {
            return new Result(latencies.size(), elapsed, latencies.stream().mapToLong(Long::longValue).sorted().toArray());
        }
    }

    /** One in-flight pair at a time on one lane. */
    record Slot(LaneTransport transport, String lane, Authority authority, long deadline, List<Long> latencies,
                AtomicReference<Throwable> failure, CountDownLatch finished) {

        void next() {
            if (System.nanoTime() > deadline || failure.get() != null) {
                finished.countDown();
                return;
            }
            long t0 = System.nanoTime();
            CompletableFuture<TupleReply> out = transport.send(new TupleOp.Out(opId(), lane, authority, "job",
                    TupleMap.of(7, 9), "bench", null, null, Json.object().put("t0", t0), null));
            CompletableFuture<TupleReply> in = transport.send(new TupleOp.In(opId(), lane, authority,
                    Template.ofYool("job"), 0));
            out.thenCombine(in, (written, taken) -> {
                written.orThrow();
                if (taken.orThrow().as(TupleResult.Single.class).found().isEmpty()) {
                    throw new IllegalStateException("an in on " + lane + " found nothing");
                }
                return taken;
            }).whenComplete((taken, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                next();
            });
        }

        static String opId() {
            return "op-" + UUID.randomUUID();
        }
    }

    /**
     * Records of an op's size through the lane producer (at most IN_FLIGHT_RECORDS unacknowledged), read back by one
     * consumer configured like the worker's: acknowledged records / time until the last is consumed.
     */
    static double rawKafka(EmbeddedKafkaKraftBroker broker, KafkaTemplate<String, String> producer, String topic,
                           int seconds) throws Exception {
        String record = TupleCodec.write(new TupleOp.Out("op-" + UUID.randomUUID(), "bench-lane-00",
                new Authority(VacantId.of(new byte[32]), Set.of()), "job", TupleMap.of(7, 9), "bench", null, null,
                Json.object().put("t0", System.nanoTime()), null));
        AtomicLong consumed = new AtomicLong();
        AtomicLong produced = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-raw",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (produced.get() < 0 || consumed.get() < produced.get()) {
                    int count = consumer.poll(Duration.ofMillis(100)).count();
                    if (count > 0) {
                        consumer.commitSync();
                        consumed.addAndGet(count);
                    }
                }
            }
        });
        reader.start();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_RECORDS);
        AtomicLong acknowledged = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (long sent = 0; System.nanoTime() < deadline; sent++) {
            inFlight.acquire();
            producer.send(topic, "bench-lane-" + (sent % 64), record).whenComplete((result, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(IN_FLIGHT_RECORDS);
        produced.set(acknowledged.get());
        reader.join();
        return acknowledged.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Every phase starts on empty tuple tables, as each raw-insert phase starts on a new table: the stored replies of
     * the phases before (millions of rows, and their random op-id keys) would otherwise slow the later phases down,
     * and the order of the phases would decide their figures.
     */
    static void emptyTupleTables(HikariDataSource db) throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("truncate tuple_entry, tuple_op, tuple_waiter");
        }
    }

    /** Tuple-sized rows (a stored out's JSON columns), MAX_POLL_RECORDS per batch and commit, on one connection. */
    static double rawInserts(HikariDataSource db, int seconds) throws Exception {
        emptyTupleTables(db);
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("create table if not exists bench_raw_tuple (seq bigserial primary key,"
                    + " id varchar(36) not null, lane varchar(64) not null, data text not null)");
            connection.setAutoCommit(false);
            String data = "x".repeat(400);
            long rows = 0;
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bench_raw_tuple (id, lane, data) values (?, ?, ?)")) {
                while (System.nanoTime() < deadline) {
                    for (int n = 0; n < MAX_POLL_RECORDS; n++, rows++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "bench-lane-" + (rows % 64));
                        insert.setString(3, data);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            connection.createStatement().execute("drop table bench_raw_tuple");
            connection.commit();
            return rate;
        }
    }
}
