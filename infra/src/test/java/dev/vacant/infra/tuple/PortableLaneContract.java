package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.InProcessLaneTransport;
import dev.vacant.infra.tuple.transport.PendingReplies;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleOp.WallAction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lane worker's batch path (held-back writes, read-ahead, stored replies, persisted waiters) on the
 * application's database, H2 and PostgreSQL alike: bursts are applied as one batch by an in-process transport
 * whose lane pool runs only when the test says so.
 */
interface PortableLaneContract {

    /** The deployment of the contract's own lane workers (not the application's). */
    String DEPLOYMENT = "portable-lane-contract";

    /** The booted application. */
    ApplicationContext context();

    default JdbcTemplate jdbc() {
        return context().getBean(JdbcTemplate.class);
    }

    /** An in-process transport and its worker on the application's store, delivering into {@code replies}. */
    default InProcessLaneTransport transport(List<Runnable> pool, PendingReplies replies) {
        return transport(pool, replies, DEPLOYMENT);
    }

    /** The same, for lane workers of {@code deployment}. */
    default InProcessLaneTransport transport(List<Runnable> pool, PendingReplies replies, String deployment) {
        InProcessLaneTransport transport = new InProcessLaneTransport(pool::add, replies);
        transport.bind(new LaneWorker(context().getBean(TupleSpace.class), context().getBean(TupleStore.class), replies,
                deployment));
        return transport;
    }

    /** Runs the lane pool's tasks until none is left; returns how many ran. */
    default int drain(List<Runnable> pool) {
        int ran = 0;
        for (; !pool.isEmpty(); ran++) {
            pool.remove(0).run();
        }
        return ran;
    }

    default Map<TupleOp, CompletableFuture<TupleReply>> sendAll(InProcessLaneTransport transport, List<TupleOp> ops) {
        Map<TupleOp, CompletableFuture<TupleReply>> sent = new LinkedHashMap<>();
        ops.forEach(op -> sent.put(op, transport.send(op)));
        return sent;
    }

    default Map<TupleOp, TupleReply> await(Map<TupleOp, CompletableFuture<TupleReply>> sent) throws Exception {
        Map<TupleOp, TupleReply> replies = new LinkedHashMap<>();
        for (Map.Entry<TupleOp, CompletableFuture<TupleReply>> reply : sent.entrySet()) {
            replies.put(reply.getKey(), reply.getValue().get(10, TimeUnit.SECONDS));
        }
        return replies;
    }

    /** Sends {@code ops} before the lane pool runs (so they queue up together) and returns their replies, by op. */
    default Map<TupleOp, TupleReply> burst(InProcessLaneTransport transport, List<Runnable> pool, List<TupleOp> ops)
            throws Exception {
        Map<TupleOp, CompletableFuture<TupleReply>> sent = sendAll(transport, ops);
        drain(pool);
        return await(sent);
    }

    default long rows(String table, String lane) {
        return jdbc().queryForObject("select count(*) from " + table + " where lane = ?", Long.class, lane);
    }

    @Test
    default void aBurst_isOneBatch_thatSeesItsOwnWritesInOrder_andARepeatedOpIsAnsweredFromItsFirstReply()
            throws Exception {
        List<Runnable> pool = new ArrayList<>();
        InProcessLaneTransport transport = transport(pool, new PendingReplies());
        TupleOps lane = TupleOps.freshLane();
        TupleOp.Out first = lane.out("job", Json.object().put("n", 1));
        TupleOp.In late = lane.in(Template.ofYool("late"), 60_000);
        List<TupleOp> ops = List.of(first, lane.out("job", Json.object().put("n", 2)), lane.in(Template.ofYool("job"), 0),
                late, lane.out("late", Json.object().put("n", 3)), lane.rd(Template.ofYool("job")),
                lane.in(Template.ofYool("job"), 0), lane.in(Template.ofYool("job"), 0),
                lane.out("kept", Json.object().put("n", 4)), first);

        Map<TupleOp, CompletableFuture<TupleReply>> sent = sendAll(transport, ops);
        int batches = drain(pool);
        List<JsonNode> replies = await(sent).values().stream().map(TupleOps::result).toList();

        assertThat(batches).isOne();
        assertThat(replies).extracting(reply -> reply.at("/tuple/data/n").asInt(0))
                .containsExactly(1, 2, 1, 3, 3, 2, 2, 0, 4);
        assertThat(TupleOps.result(burst(transport, pool, List.of(first)).get(first))).hasToString(replies.get(0).toString());
        assertThat(rows("tuple_entry", lane.lane)).isEqualTo(1);
        assertThat(rows("tuple_op", lane.lane)).isEqualTo(ops.size() - 1);
        assertThat(rows("tuple_waiter", lane.lane)).isZero();
    }

    @Test
    default void opsOfAnEarlierBatchRepeatedInABurst_areAnsweredFromTheirStoredReplies_andNewOnesApplied()
            throws Exception {
        List<Runnable> pool = new ArrayList<>();
        InProcessLaneTransport transport = transport(pool, new PendingReplies());
        TupleOps lane = TupleOps.freshLane();
        TupleOp.Out written = lane.out("job", Json.object().put("n", 1));
        TupleOp.In taken = lane.in(Template.ofYool("job"), 0);
        Map<TupleOp, TupleReply> first = burst(transport, pool, List.of(written, taken));
        TupleOp.Out newOut = lane.out("job", Json.object().put("n", 2));
        TupleOp.In newIn = lane.in(Template.ofYool("job"), 0);

        Map<TupleOp, TupleReply> again = burst(transport, pool, List.of(newOut, written, taken, newIn));

        assertThat(TupleOps.result(again.get(written))).hasToString(TupleOps.result(first.get(written)).toString());
        assertThat(TupleOps.result(again.get(taken))).hasToString(TupleOps.result(first.get(taken)).toString());
        assertThat(TupleOps.result(again.get(newIn)).at("/tuple/data/n").asInt()).isEqualTo(2);
        assertThat(rows("tuple_entry", lane.lane)).isZero();
        assertThat(rows("tuple_op", lane.lane)).isEqualTo(4);
    }

    @Test
    default void aWallHookedInABurst_guardsTheRestOfTheBurst_andLaterBursts() throws Exception {
        List<Runnable> pool = new ArrayList<>();
        InProcessLaneTransport transport = transport(pool, new PendingReplies());
        TupleOps lane = TupleOps.freshLane();
        TupleOps reader = lane.as(TupleOps.randomAuthority("read"));

        List<TupleReply> replies = List.copyOf(burst(transport, pool, List.of(lane.out("open", Json.object()),
                lane.wall("read", WallAction.HOOK), lane.out("shut", Json.object()), reader.out("read", Json.object())))
                .values());
        List<TupleReply> later = List.copyOf(burst(transport, pool, List.of(lane.out("shut", Json.object()),
                reader.out("read", Json.object()))).values());

        assertThat(replies).extracting(TupleReply::error).containsExactly(null, null, ErrorCode.WALL_DENIED, null);
        assertThat(later).extracting(TupleReply::error).containsExactly(ErrorCode.WALL_DENIED, null);
        assertThat(rows("tuple_entry", lane.lane)).isEqualTo(3);
    }

    @Test
    default void aTakeWhoseTupleIsGoneAtCommit_rollsItsTransactionBack() throws Exception {
        List<Runnable> pool = new ArrayList<>();
        TupleOps lane = TupleOps.freshLane();
        burst(transport(pool, new PendingReplies()), pool, List.of(lane.out("job", Json.object())));
        TupleStore store = context().getBean(TupleStore.class);

        assertThatThrownBy(() -> store.inTransaction(() -> {
            Tuple found = store.first(lane.lane, Template.ANY, Instant.now()).orElseThrow();
            store.delete(found.id());
            store.recordReply(lane.lane, EncodedReply.of(TupleReply.ok(lane.rd(Template.ANY), new TupleResult.Single(null))),
                    Instant.now());
            jdbc().update("delete from tuple_entry where id = ?", found.id().toString()); // another worker took it
            return found;
        })).isInstanceOf(ConcurrentModificationException.class);
        assertThat(rows("tuple_entry", lane.lane)).isEqualTo(1);
        assertThat(rows("tuple_op", lane.lane)).isEqualTo(1);
    }

    /**
     * A batch whose takes keep losing their tuples to another worker of the lane (another instance on the same
     * database) runs again, after a short random pause, until it commits: seven losses in a row still answer OK.
     */
    @Test
    default void aBatchThatLosesToAnotherWorkerSevenTimes_runsAgainUntilItCommits() throws Exception {
        TupleStore store = context().getBean(TupleStore.class);
        AtomicInteger attempts = new AtomicInteger();
        TupleStore losing = (TupleStore) Proxy.newProxyInstance(TupleStore.class.getClassLoader(),
                new Class<?>[] {TupleStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("inTransaction") && attempts.incrementAndGet() <= 7) {
                        throw new ConcurrentModificationException("a tuple taken in this transaction is gone");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<Runnable> pool = new ArrayList<>();
        PendingReplies replies = new PendingReplies();
        InProcessLaneTransport transport = new InProcessLaneTransport(pool::add, replies);
        transport.bind(new LaneWorker(context().getBean(TupleSpace.class), losing, replies, DEPLOYMENT));
        TupleOps lane = TupleOps.freshLane();
        TupleOp out = lane.out("job", Json.object());

        TupleReply reply = burst(transport, pool, List.of(out)).get(out);

        assertThat(reply.error()).as(reply.message()).isNull();
        assertThat(attempts.get()).isEqualTo(8);
        assertThat(rows("tuple_entry", lane.lane)).isEqualTo(1);
    }

    @Test
    default void aWaitingIn_isServedByTheNextMatchingOut_afterARestart() throws Exception {
        List<Runnable> pool = new ArrayList<>();
        TupleOps lane = TupleOps.freshLane();
        TupleOp.In take = lane.in(Template.ofYool("job"), 60_000);
        InProcessLaneTransport before = transport(pool, new PendingReplies());
        before.send(take);
        drain(pool);

        PendingReplies replies = new PendingReplies();
        InProcessLaneTransport restarted = transport(pool, replies);
        CompletableFuture<TupleReply> waiting = replies.await(take.opId());
        burst(restarted, pool, List.of(lane.out("job", Json.object().put("n", 1))));

        assertThat(TupleOps.result(waiting.get(10, TimeUnit.SECONDS)).at("/tuple/data/n").asInt()).isEqualTo(1);
        assertThat(rows("tuple_waiter", lane.lane)).isZero();
        assertThat(rows("tuple_entry", lane.lane)).isZero();
    }

    @Test
    default void aWaitingIn_isNotResumedByTheWorkersOfAnotherDeployment() throws Exception {
        List<Runnable> pool = new ArrayList<>();
        TupleOps lane = TupleOps.freshLane();
        TupleOp.In take = lane.in(Template.ofYool("job"), 60_000);
        transport(pool, new PendingReplies()).send(take);
        drain(pool);

        PendingReplies replies = new PendingReplies();
        InProcessLaneTransport other = transport(pool, replies, "another-deployment");
        CompletableFuture<TupleReply> waiting = replies.await(take.opId());
        burst(other, pool, List.of(lane.out("job", Json.object().put("n", 1))));

        assertThat(waiting).isNotDone();
        assertThat(rows("tuple_waiter", lane.lane)).isEqualTo(1);
        assertThat(rows("tuple_entry", lane.lane)).isEqualTo(1);
    }
}
