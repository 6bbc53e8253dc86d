package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.infra.support.Polling;
import dev.vacant.command.tuple.runner.TaskResults;
import dev.vacant.command.tuple.space.LaneMaintenance;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Receipts;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleOp.WallAction;
import dev.vacant.kernel.tuple.VirtualSubtree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contract of a {@link LaneTransport} with its lane workers, on real PostgreSQL; run against every
 * adapter. Each test works on a fresh lane.
 */
abstract class TupleLaneContract extends PostgresApplicationTest {

    private static final long WAIT_S = 20;

    @Autowired
    LaneTransport transport;
    @Autowired
    TupleGateway gateway;
    @Autowired
    TupleStore store;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LaneWorker worker;

    final TupleOps lane = TupleOps.freshLane();

    JsonNode call(TupleOp op) {
        return TupleResultJson.write(gateway.request(op));
    }

    static JsonNode await(CompletableFuture<TupleReply> reply) throws Exception {
        return TupleOps.result(reply.get(WAIT_S, TimeUnit.SECONDS));
    }

    /** Waits until every op sent to the lane before has been applied (ops of a lane are applied in order). */
    void barrier() {
        call(lane.rd(TupleOps.data("never", -1)));
    }

    long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long laneRows(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where lane = ?", Long.class, lane.lane);
    }

    @Test
    void ins_takeTuplesInTheOrderTheyWereWritten_onOneLane() throws Exception {
        List<CompletableFuture<TupleReply>> writes = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            writes.add(transport.send(lane.out("job", Json.object().put("n", n))));
        }
        for (CompletableFuture<TupleReply> write : writes) {
            await(write);
        }
        List<Integer> taken = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            taken.add(call(lane.in(Template.ofYool("job"), 0)).at("/tuple/data/n").asInt());
        }

        assertThat(taken).isSorted().hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void anOpIdSentAgainWithOtherContent_isAConflict_andOnlyTheSameOpGetsTheStoredReply() {
        TupleOp.Out first = lane.out("job", Json.object().put("n", 1));
        TupleOp.Out other = new TupleOp.Out(first.opId(), lane.lane, lane.authority, "job", first.map(), "test", null,
                null, Json.object().put("n", 2), null);

        JsonNode written = call(first);
        assertThatThrownBy(() -> call(other)).isInstanceOfSatisfying(VacantException.class,
                rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.CONFLICT));
        JsonNode again = call(first);

        assertThat(again.toString()).isEqualTo(written.toString());
        assertThat(laneRows("tuple_entry")).isEqualTo(1);
        assertThat(call(lane.rd(TupleOps.data("n", 2))).get("tuple").isNull()).isTrue();
    }

    @Test
    void inAndRd_matchEnvelopeAndDataKeys_andSkipOthers() {
        call(lane.out("a", Json.object().put("k", 1)));
        call(lane.out("b", Json.object().put("k", 2)));
        call(lane.out("a", Json.object().put("k", 2).put("extra", true)));

        JsonNode taken = call(lane.in(new Template("a", null, null, null, null, Json.object().put("k", 2)), 0));
        JsonNode read = call(lane.rd(Template.ofYool("b")));
        JsonNode none = call(lane.rd(new Template("a", null, null, null, null, Json.object().put("k", 3))));

        assertThat(taken.at("/tuple/data/extra").asBoolean()).isTrue();
        assertThat(taken.at("/tuple/receipts").toString()).contains("out@", "in@");
        assertThat(read.at("/tuple/yool").asText()).isEqualTo("b");
        assertThat(none.get("tuple").isNull()).isTrue();
    }

    @Test
    void blockingIn_isWokenByALaterOut_withoutBlockingTheLane() throws Exception {
        CompletableFuture<TupleReply> waiting = transport.send(lane.in(Template.ofYool("late"), 60_000));
        JsonNode other = call(lane.out("other", Json.object()));
        assertThat(waiting).isNotDone();

        call(lane.out("late", Json.object().put("v", 7)));

        assertThat(other.at("/tuple/yool").asText()).isEqualTo("other");
        assertThat(await(waiting).at("/tuple/data/v").asInt()).isEqualTo(7);
        assertThat(call(lane.rd(Template.ofYool("late"))).get("tuple").isNull()).isTrue();
    }

    @Test
    void blockingIn_answersEmpty_whenItsTimeoutPasses() throws Exception {
        CompletableFuture<TupleReply> waiting = transport.send(lane.in(Template.ofYool("never"), 5_000));
        barrier();

        clock.advance(Duration.ofMillis(5_001));

        assertThat(await(waiting).get("tuple").isNull()).isTrue();
    }

    @Test
    void waiters_areServedFirstComeFirstServed_whenSeveralMatch() throws Exception {
        CompletableFuture<TupleReply> first = transport.send(lane.in(Template.ofYool("job"), 60_000));
        CompletableFuture<TupleReply> second = transport.send(lane.in(Template.ofYool("job"), 60_000));
        barrier();

        call(lane.out("job", Json.object().put("n", 1)));
        call(lane.out("job", Json.object().put("n", 2)));

        assertThat(await(first).at("/tuple/data/n").asInt()).isEqualTo(1);
        assertThat(await(second).at("/tuple/data/n").asInt()).isEqualTo(2);
    }

    @Test
    void leasedTuples_becomeInvisibleAndAreReaped_whenTheLeaseRunsOut() {
        call(lane.out("leased", TupleMap.of(5), Json.object(), 1_000L));
        assertThat(call(lane.rd(Template.ofYool("leased"))).get("tuple").isNull()).isFalse();

        clock.advance(Duration.ofMillis(1_000));

        assertThat(call(lane.rd(Template.ofYool("leased"))).get("tuple").isNull()).isTrue();
        assertThat(call(lane.in(Template.ofYool("leased"), 0)).get("tuple").isNull()).isTrue();
        assertThat(call(lane.scan(null, null)).get("tuples")).isEmpty();
        assertThat(store.reapExpired(clock.instant())).isPositive();
        assertThat(laneRows("tuple_entry")).isZero();
    }

    @Test
    void storedReplies_arePrunedPastTheRetention_andARepeatedOpIsThenAppliedAgain() {
        TupleOp.Out first = lane.out("job", Json.object().put("n", 1));
        call(first);
        clock.advance(Duration.ofHours(2));
        call(lane.out("job", Json.object().put("n", 2)));

        try (LaneMaintenance maintenance = new LaneMaintenance(worker, store, clock, Duration.ofHours(1),
                Duration.ofMillis(20), Duration.ofHours(1))) {
            Polling.awaitUntil("the older reply is pruned", Duration.ofSeconds(WAIT_S), () -> laneRows("tuple_op") <= 1);
        }
        assertThat(laneRows("tuple_op")).isEqualTo(1);
        call(first);
        assertThat(laneRows("tuple_entry")).isEqualTo(3);
    }

    @Test
    void sameOpTwice_hasOneEffectAndTheSameReply() {
        call(lane.out("job", Json.object().put("n", 1)));
        call(lane.out("job", Json.object().put("n", 2)));
        TupleOp.Out write = lane.out("job", Json.object().put("n", 3));
        TupleOp.In take = lane.in(Template.ofYool("job"), 0);

        JsonNode written = call(write);
        JsonNode rewritten = call(write);
        JsonNode taken = call(take);
        JsonNode retaken = call(take);

        assertThat(rewritten.toString()).isEqualTo(written.toString());
        assertThat(retaken.toString()).isEqualTo(taken.toString());
        assertThat(taken.at("/tuple/data/n").asInt()).isEqualTo(1);
        assertThat(laneRows("tuple_entry")).isEqualTo(2);
    }

    @Test
    void aBlockingInSeenAgain_afterItWasAnswered_getsTheSameReplyAndDoesNotWaitAgain() throws Exception {
        TupleOp.In take = lane.in(Template.ofYool("late"), 60_000);
        CompletableFuture<TupleReply> waiting = transport.send(take);
        call(lane.out("late", Json.object().put("v", 7)));
        JsonNode taken = await(waiting);

        CompletableFuture<TupleReply> again = transport.send(take);

        assertThat(await(again).toString()).isEqualTo(taken.toString());
        assertThat(laneRows("tuple_waiter")).isZero();
    }

    @Test
    void scan_selectsAMapRegionByHilbertRange_inLaneOrder() {
        JsonNode near = call(lane.out("p", TupleMap.of(100, 100), Json.object(), null));
        call(lane.out("p", TupleMap.of(60_000, 60_000), Json.object(), null));
        long h = near.at("/tuple/hilbert").asLong();

        JsonNode region = call(lane.scan(h - 10, h + 10));

        assertThat(region.get("tuples")).hasSize(1);
        assertThat(region.at("/tuples/0/map").toString()).isEqualTo("[100,100]");
    }

    @Test
    void routePacket_mergesIntoTheFirstTuple_withAReceipt() {
        call(lane.out("p", Json.object().put("a", 1)));

        JsonNode routed = call(new TupleOp.RoutePacket(TupleOps.opId(), lane.lane, lane.authority,
                Json.object().put("b", 2)));

        assertThat(routed.at("/tuple/data").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(routed.at("/tuple/receipts").toString()).contains("route@");
    }

    @Test
    void guardedLane_deniesCallersWithoutACapability_andAdmitsHolders() {
        Authority reader = TupleOps.randomAuthority("read");
        call(lane.wall("read", WallAction.HOOK));

        assertThatThrownBy(() -> call(lane.out("x", Json.object())))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WALL_DENIED));
        assertThat(call(lane.as(reader).out("x", Json.object())).at("/tuple/yool").asText()).isEqualTo("x");
        assertThat(call(lane.wall("read", WallAction.CHECK)).get("held").asBoolean()).isTrue();
        call(lane.wall("read", WallAction.UNHOOK));
        assertThat(call(lane.out("y", Json.object())).at("/tuple/yool").asText()).isEqualTo("y");
        assertThat(laneRows("tuple_entry")).isEqualTo(2);
    }

    @Test
    void batchSpawnOfAMillionAgents_writesAConstantNumberOfRows() {
        long entriesBefore = rows("tuple_entry");
        long subtreesBefore = rows("tuple_subtree");
        long virtualBefore = call(new TupleOp.Snapshot(TupleOps.opId())).get("virtual_agents").asLong();

        JsonNode spawned = call(new TupleOp.BatchSpawn(TupleOps.opId(), lane.lane, lane.authority, null, "worker",
                new VirtualSubtree(4, 32), null));
        JsonNode snapshot = call(new TupleOp.Snapshot(TupleOps.opId()));

        assertThat(spawned.get("virtual_agents").asLong()).isEqualTo(1_048_576L);
        assertThat(rows("tuple_entry") - entriesBefore).isEqualTo(1);
        assertThat(rows("tuple_subtree") - subtreesBefore).isEqualTo(1);
        assertThat(snapshot.get("virtual_agents").asLong() - virtualBefore).isEqualTo(1_048_576L);
        assertThat(snapshot.get("total_agents").asLong()).isEqualTo(snapshot.get("active_agents").asLong()
                + snapshot.get("compressed_agents").asLong() + snapshot.get("virtual_agents").asLong());
    }

    @Test
    void materialize_createsOneVirtualAgentOnFirstUse_andReturnsItAfterwards() {
        String receipt = call(new TupleOp.BatchSpawn(TupleOps.opId(), lane.lane, lane.authority, null, "worker",
                new VirtualSubtree(4, 32), null)).get("receipt").asText();

        JsonNode first = call(lane.materialize(receipt, 3, 17, 0, 5));
        JsonNode again = call(lane.materialize(receipt, 3, 17, 0, 5));

        assertThat(first.get("created").asBoolean()).isTrue();
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(first.at("/agent/agent_id").asText()).isEqualTo(receipt + "/3.17.0.5").isEqualTo(again.at("/agent/agent_id").asText());
        assertThatThrownBy(() -> call(lane.materialize(receipt, 32, 0, 0, 0)))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void compressThenRestore_returnsTheAgentsDataLosslessly() {
        var data = Json.object().put("notes", "n".repeat(20_000)).put("step", 4);
        String agentId = call(new TupleOp.SpawnAgent(TupleOps.opId(), lane.lane, lane.authority, null, "worker", data))
                .at("/agent/agent_id").asText();

        JsonNode token = call(new TupleOp.Compress(TupleOps.opId(), lane.lane, lane.authority, agentId)).get("token");
        String stored = jdbc.queryForObject("select data from tuple_entry where agent_id = ?", String.class, agentId);
        JsonNode restored = call(new TupleOp.Restore(TupleOps.opId(), lane.lane, lane.authority, agentId)).get("agent");

        assertThat(token.has("data")).isFalse();
        assertThat(token.get("data_digest").asText()).hasSize(64);
        assertThat(stored).isEqualTo("{}");
        assertThat(restored.get("data")).isEqualTo(data);
        assertThat(restored.get("receipts").toString()).contains("spawn@", "compress@", "restore@");
        assertThat(jdbc.queryForObject("select count(*) from tuple_cold where agent_id = ?", Long.class, agentId)).isZero();
    }

    @Test
    void out_carriesItsReceiptsOntoTheTuple_afterItsOutReceipt() {
        String carried = Receipts.of("provider", "digest", "openai");

        JsonNode written = call(new TupleOp.Out(TupleOps.opId(), lane.lane, lane.authority, "job", TupleMap.of(1),
                "test", null, null, null, null, List.of(carried)));

        assertThat(written.at("/tuple/receipts/0").asText()).startsWith("out@");
        assertThat(written.at("/tuple/receipts/1").asText()).isEqualTo(carried);
        assertThat(call(lane.rd(Template.ofYool("job"))).at("/tuple/receipts")).isEqualTo(written.at("/tuple/receipts"));
    }

    @Test
    void taskOnTheTasksLane_getsAProviderNotConfiguredResultTuple_whenNoProviderIsConfigured() {
        TupleOps tasks = new TupleOps("tasks", lane.authority);
        String taskId = call(tasks.out("summarise", Json.object().put("text", "hello"))).at("/tuple/id").asText();

        JsonNode result = call(new TupleOps("tasks.results", lane.authority)
                .in(new Template(null, null, null, UUID.fromString(taskId), null, null), 20_000)).get("tuple");

        assertThat(result.get("yool").asText()).isEqualTo("summarise");
        assertThat(result.get("authority").asText()).isEqualTo(lane.authority.vacant().value());
        assertThat(result.get("source").asText()).isEqualTo(TaskResults.SOURCE);
        assertThat(result.at("/data/error/code").asText()).isEqualTo("PROVIDER_NOT_CONFIGURED");
        assertThat(result.at("/data/error/message").asText()).isEqualTo("no provider is configured to run summarise");
        assertThat(result.get("receipts").toString()).contains("out@", "in@");
    }

    @Test
    void materializePastTheCompressionThreshold_compressesTheLeastRecentlyActive() {
        String receipt = call(new TupleOp.BatchSpawn(TupleOps.opId(), lane.lane, lane.authority, null, "worker",
                new VirtualSubtree(2, 4), 1)).get("receipt").asText();

        String older = call(lane.materialize(receipt, 0, 0)).at("/agent/agent_id").asText();
        clock.advance(Duration.ofSeconds(1));
        call(lane.materialize(receipt, 0, 1));

        assertThat(jdbc.queryForObject("select agent_state from tuple_entry where agent_id = ?", String.class, older))
                .isEqualTo("COMPRESSED");
    }
}
