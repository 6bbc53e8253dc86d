package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.infra.support.Polling;
import dev.vacant.command.tuple.space.BudSpawner;
import dev.vacant.command.tuple.space.CompositeTrees;
import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.LaneMaintenance;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.ReplySink;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaReplyPublisher;
import dev.vacant.infra.tuple.transport.PendingReplies;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleIds;
import dev.vacant.kernel.tuple.TupleOp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Several lane-worker instances in consumer group {@code vacant-lane-workers} on the in-process KRaft broker and
 * real PostgreSQL: a rebalance or a redelivery neither loses nor duplicates an effect, and waiting {@code in}s
 * move with their lanes. Each test has its own topics and lanes; the store is the application's.
 */
class KafkaLaneWorkersTest extends PostgresApplicationTest {

    private static final String GROUP = "vacant-lane-workers";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaLaneClients clients;
    private static KafkaTemplate<String, String> producer;

    @Autowired
    TupleStore store;
    @Autowired
    CompositeTrees trees;
    @Autowired
    BudSpawner buds;
    @Autowired
    JdbcTemplate jdbc;

    final MutableClock clock = new MutableClock(Instant.now());
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String commands = "commands-" + run;
    final String replies = "replies-" + run;
    final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        clients = new KafkaLaneClients(broker.getBrokersAsString());
        producer = clients.template();
    }

    @AfterAll
    static void stopBroker() {
        clients.close();
        broker.destroy();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int n = started.size() - 1; n >= 0; n--) {
            started.get(n).close();
        }
    }

    @Test
    void everyTupleIsTakenExactlyOnce_whenAWorkerStopsMidStream() throws Exception {
        int lanes = 64;
        int pairs = 100_000;
        topics(16);
        List<String> laneNames = IntStream.range(0, lanes).mapToObj(n -> "rb-" + run + "-" + n).toList();
        List<TupleOp> ops = new ArrayList<>(2 * pairs);
        IntStream.range(0, pairs).forEach(n -> ops.add(lane(laneNames.get(n % lanes)).out("job", Json.object().put("n", n))));
        IntStream.range(0, pairs).forEach(n -> ops.add(lane(laneNames.get(n % lanes)).in(Template.ofYool("job"), 0)));
        RecordedReplies recorded = new RecordedReplies(ops);
        Worker first = worker(recorded);
        Worker second = worker(recorded);
        awaitUntil("both workers hold partitions", () -> first.partitions() > 0 && second.partitions() > 0
                && first.partitions() + second.partitions() == 16);
        send(ops);
        awaitUntil("a quarter of the ops applied", () -> recorded.ops() >= ops.size() / 4);
        first.stop();
        int repliedAtStop = recorded.ops();
        awaitUntil("every op applied", () -> recorded.ops() == ops.size());

        assertThat(repliedAtStop).isLessThan(ops.size());
        assertThat(second.partitions()).isEqualTo(16);
        assertThat(recorded.conflicts).isEmpty();
        Set<String> written = ops.subList(0, pairs).stream().map(op -> recorded.tupleOf(op.opId())).collect(Collectors.toSet());
        List<String> taken = ops.subList(pairs, ops.size()).stream().map(op -> recorded.tupleOf(op.opId())).toList();
        assertThat(written).hasSize(pairs).doesNotContainNull();
        assertThat(new HashSet<>(taken)).hasSize(pairs).isEqualTo(written);
        String lanesOfRun = "rb-" + run + "-%";
        assertThat(jdbc.queryForObject("select count(*) from tuple_entry where lane like ?", Long.class, lanesOfRun)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tuple_op where lane like ?", Long.class, lanesOfRun))
                .isEqualTo(ops.size());
    }

    @Test
    void redeliveredOps_haveOneEffectAndAreAnsweredWithTheSameReplies_afterAnOffsetRewind() throws Exception {
        topics(4);
        List<TupleOp> ops = new ArrayList<>();
        List<TupleOp> waiting = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            TupleOps lane = lane("rd-" + run + "-" + n);
            ops.add(lane.out("job", Json.object().put("n", 1)));
            ops.add(lane.out("job", Json.object().put("n", 2)));
            ops.add(lane.in(Template.ofYool("job"), 0));
            ops.add(lane.in(Template.ofYool("late"), 60_000));
            ops.add(lane.out("late", Json.object()));
            ops.add(lane.rd(Template.ofYool("job")));
            waiting.add(lane.in(Template.ofYool("never"), 60_000));
        }
        List<TupleOp> all = new ArrayList<>(ops);
        all.addAll(waiting);
        RecordedReplies firstRun = new RecordedReplies(all);
        Worker first = worker(firstRun);
        awaitUntil("the worker holds every partition", () -> first.partitions() == 4);
        send(ops);
        send(waiting);
        awaitConsumed(4);
        Map<String, Long> before = rowsOfRun("rd-");
        first.stop();

        rewind(4);
        RecordedReplies secondRun = new RecordedReplies(all);
        Worker second = worker(secondRun);
        awaitConsumed(4);

        assertThat(second.partitions()).isEqualTo(4);
        assertThat(firstRun.ops()).isEqualTo(ops.size());
        assertThat(secondRun.ops()).isEqualTo(ops.size());
        ops.forEach(op -> assertThat(secondRun.json(op.opId())).isEqualTo(firstRun.json(op.opId())));
        assertThat(rowsOfRun("rd-")).isEqualTo(before).containsEntry("tuple_waiter", 8L);
        clock.advance(Duration.ofMinutes(1));
        awaitUntil("the waiting ins answered at their deadline", () -> secondRun.ops() == ops.size() + waiting.size());
        assertThat(rowsOfRun("rd-")).containsEntry("tuple_waiter", 0L);
    }

    @Test
    void aWaitingIn_isServedByTheNextOwnerOfItsLane_whenItsWorkerStops() throws Exception {
        TupleOps lane = lane("wt-" + run);
        TupleOp.In take = lane.in(Template.ofYool("late"), 60_000);
        MovedWaiter moved = waitOnOneWorkerThenMove(take);
        moved.front.send(lane.out("late", Json.object().put("v", 7))).get(30, TimeUnit.SECONDS);

        assertThat(TupleOps.result(moved.waiting.get(30, TimeUnit.SECONDS)).at("/tuple/data/v").asInt()).isEqualTo(7);
        assertThat(waiterRows(take)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tuple_entry where lane = ?", Long.class, lane.lane)).isZero();
    }

    @Test
    void aWaitingIn_isAnsweredEmptyByTheNextOwner_onlyAtItsDeadline() throws Exception {
        TupleOp.In take = lane("wd-" + run).in(Template.ofYool("never"), 5_000);
        MovedWaiter moved = waitOnOneWorkerThenMove(take);
        boolean answeredBeforeDeadline = moved.waiting.isDone();
        clock.advance(Duration.ofMillis(5_000));

        assertThat(answeredBeforeDeadline).isFalse();
        assertThat(TupleOps.result(moved.waiting.get(30, TimeUnit.SECONDS)).get("tuple").isNull()).isTrue();
        assertThat(waiterRows(take)).isZero();
    }

    /** A blocking in waiting on a second worker, which took its lane over from the first; sent by {@code front}. */
    record MovedWaiter(KafkaLaneTransport front, CompletableFuture<TupleReply> waiting) {
    }

    /** Sends {@code take} to a first worker, waits until it waits there, then stops that worker for a second one. */
    private MovedWaiter waitOnOneWorkerThenMove(TupleOp.In take) {
        topics(4);
        KafkaLaneTransport front = front();
        Worker first = worker(publisher());
        awaitUntil("the first worker holds every partition", () -> first.partitions() == 4);
        CompletableFuture<TupleReply> waiting = front.send(take);
        awaitUntil("the in waits", () -> waiterRows(take) == 1);
        Worker second = worker(publisher());
        first.stop();
        awaitUntil("the second worker holds every partition", () -> second.partitions() == 4);
        return new MovedWaiter(front, waiting);
    }

    /** One lane-worker instance: its own worker, waiter deadlines on the test clock, its consumer in the group. */
    final class Worker implements AutoCloseable {
        private final ConcurrentMessageListenerContainer<String, String> container;
        private final LaneMaintenance maintenance;

        Worker(ReplySink sink) {
            TupleSpace space = new TupleSpace(store, trees, buds, clock, new TupleIds(clock, new SecureRandom()), Json::object,
                    Json::object);
            LaneWorker laneWorker = new LaneWorker(space, store, sink, commands);
            maintenance = new LaneMaintenance(laneWorker, store, clock, Duration.ofMillis(20), Duration.ofHours(1),
                    Duration.ofDays(7));
            container = clients.workerContainer(laneWorker, commands, GROUP, 1, 500);
            container.start();
        }

        int partitions() {
            return container.getAssignedPartitions().size();
        }

        void stop() {
            container.stop();
            maintenance.close();
        }

        @Override
        public void close() {
            stop();
        }
    }

    /**
     * Every reply a set of workers delivered to the test's ops: the first per op, and any redelivered reply that
     * differs. Replies to other ops (waiters of other tests in the shared database that a worker resumed with its
     * lanes' partitions) are left out.
     */
    static final class RecordedReplies implements ReplySink {
        private final Set<String> expected;
        private final Map<String, String> first = new ConcurrentHashMap<>();
        final List<String> conflicts = new ArrayList<>();

        RecordedReplies(List<TupleOp> ops) {
            expected = ops.stream().map(TupleOp::opId).collect(Collectors.toSet());
        }

        @Override
        public void deliver(EncodedReply reply) {
            if (!expected.contains(reply.opId())) {
                return;
            }
            String earlier = first.putIfAbsent(reply.opId(), reply.json());
            if (earlier != null && !earlier.equals(reply.json())) {
                synchronized (conflicts) {
                    conflicts.add(reply.opId());
                }
            }
        }

        int ops() {
            return first.size();
        }

        String json(String opId) {
            return first.get(opId);
        }

        /** The id of the tuple an op's reply carries. */
        String tupleOf(String opId) {
            String id = TupleResultJson.write(TupleCodec.reply(first.get(opId)).result()).at("/tuple/id").asText();
            return id.isEmpty() ? null : id;
        }
    }

    private Worker worker(ReplySink sink) {
        Worker worker = new Worker(sink);
        started.add(worker);
        return worker;
    }

    private KafkaLaneTransport front() {
        KafkaLaneTransport front = new KafkaLaneTransport(producer, commands, new PendingReplies(), PATIENCE);
        ConcurrentMessageListenerContainer<String, String> container = clients.replyContainer(front, replies);
        container.start();
        started.add(container::stop);
        return front;
    }

    private ReplySink publisher() {
        return new KafkaReplyPublisher(producer, replies);
    }

    private void topics(int partitions) {
        broker.addTopics(new NewTopic(commands, partitions, (short) 1), new NewTopic(replies, partitions, (short) 1));
    }

    private TupleOps lane(String name) {
        return new TupleOps(name, TupleOps.randomAuthority());
    }

    private void send(List<? extends TupleOp> ops) {
        ops.forEach(op -> producer.send(commands, op.lane(), TupleCodec.write(op)));
        producer.flush();
    }

    /** Moves the group's committed offsets of the commands topic back to the start (as if never committed). */
    private void rewind(int partitions) {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        IntStream.range(0, partitions).forEach(p -> start.put(new TopicPartition(commands, p), new OffsetAndMetadata(0)));
        admin(admin -> admin.alterConsumerGroupOffsets(GROUP, start).all().get(30, TimeUnit.SECONDS));
    }

    /** Waits until the group has committed every command, i.e. applied it and delivered its reply. */
    private void awaitConsumed(int partitions) {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        IntStream.range(0, partitions).forEach(p -> ends.put(new TopicPartition(commands, p), OffsetSpec.latest()));
        awaitUntil("every command consumed", () -> admin(admin -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet().stream().allMatch(end ->
                    committed.getOrDefault(end.getKey(), new OffsetAndMetadata(0)).offset() == end.getValue().offset());
        }));
    }

    private static <T> T admin(AdminCall<T> call) {
        return broker.doWithAdminFunction(admin -> {
            try {
                return call.apply(admin);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A call on the broker's admin client. */
    @FunctionalInterface
    private interface AdminCall<T> {
        T apply(AdminClient admin) throws Exception;
    }

    private long waiterRows(TupleOp.In take) {
        return jdbc.queryForObject("select count(*) from tuple_waiter where op_id = ?", Long.class, take.opId());
    }

    private Map<String, Long> rowsOfRun(String prefix) {
        Map<String, Long> rows = new HashMap<>();
        for (String table : Set.of("tuple_entry", "tuple_op", "tuple_waiter")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where lane like ?", Long.class,
                    prefix + run + "-%"));
        }
        return rows;
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Polling.awaitUntil(what, PATIENCE, condition);
    }
}
