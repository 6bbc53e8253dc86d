package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.tuples.v1.AgentReply;
import dev.vacant.grpc.tuples.v1.AgentRequest;
import dev.vacant.grpc.tuples.v1.BatchSpawnReply;
import dev.vacant.grpc.tuples.v1.BatchSpawnRequest;
import dev.vacant.grpc.tuples.v1.CompressReply;
import dev.vacant.grpc.tuples.v1.InRequest;
import dev.vacant.grpc.tuples.v1.MaterializeReply;
import dev.vacant.grpc.tuples.v1.MaterializeRequest;
import dev.vacant.grpc.tuples.v1.OutRequest;
import dev.vacant.grpc.tuples.v1.PruneIdleRequest;
import dev.vacant.grpc.tuples.v1.PruneReply;
import dev.vacant.grpc.tuples.v1.RdRequest;
import dev.vacant.grpc.tuples.v1.RouteRequest;
import dev.vacant.grpc.tuples.v1.ScanRequest;
import dev.vacant.grpc.tuples.v1.ScanSpaceRequest;
import dev.vacant.grpc.tuples.v1.SnapshotRequest;
import dev.vacant.grpc.tuples.v1.SpaceSnapshot;
import dev.vacant.grpc.tuples.v1.SpawnAgentRequest;
import dev.vacant.grpc.tuples.v1.Tuple;
import dev.vacant.grpc.tuples.v1.TupleReply;
import dev.vacant.grpc.tuples.v1.TuplesGrpc;
import dev.vacant.grpc.tuples.v1.WallReply;
import dev.vacant.grpc.tuples.v1.WallRequest;
import dev.vacant.grpc.tuples.v1.WatchLaneRequest;
import dev.vacant.command.tuple.space.SpaceScan;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.infra.tuple.web.AgentOps;
import dev.vacant.infra.tuple.web.LaneOps;
import dev.vacant.infra.tuple.web.SpaceOps;
import dev.vacant.infra.tuple.web.TupleAuthorities;
import dev.vacant.infra.tuple.web.TupleRequests.AgentBody;
import dev.vacant.infra.tuple.web.TupleRequests.AgentSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.BatchSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.InBody;
import dev.vacant.infra.tuple.web.TupleRequests.MaterializeBody;
import dev.vacant.infra.tuple.web.TupleRequests.OutBody;
import dev.vacant.infra.tuple.web.TupleRequests.PruneBody;
import dev.vacant.infra.tuple.web.TupleRequests.RdBody;
import dev.vacant.infra.tuple.web.TupleRequests.RouteBody;
import dev.vacant.infra.tuple.web.TupleRequests.WallBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleOp.WallAction;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code vacant.tuples.v1.Tuples}: the gRPC twin of the tuple-space endpoints (lanes, the lane-less scan, hookwalls,
 * agents, the snapshot), through the same {@link LaneOps}, {@link SpaceOps} and {@link AgentOps}; replies are the
 * REST replies ({@code {"tuple": ...}}, {@code {"tuples": [...]}}, {@code {"agent": ...}}, ...). {@code WatchLane} polls the lane from the store
 * (a poll records no op) and sends the tuples whose ids it had not seen: a tuple taken again within one poll
 * interval of its arrival is not seen.
 */
@Component
public class TuplesGrpcService extends TuplesGrpc.TuplesImplBase implements GrpcApi {

    static final String SOURCE = "grpc";

    private final LaneOps lanes;
    private final SpaceOps space;
    private final AgentOps agents;
    private final TupleAuthorities authorities;
    private final SpaceScan spaceScan;
    private final ProtoJson json;
    private final GrpcWatches watches;

    public TuplesGrpcService(LaneOps lanes, SpaceOps space, AgentOps agents, TupleAuthorities authorities,
                             SpaceScan spaceScan, ProtoJson json, GrpcWatches watches) {
        this.lanes = lanes;
        this.space = space;
        this.agents = agents;
        this.authorities = authorities;
        this.spaceScan = spaceScan;
        this.json = json;
        this.watches = watches;
    }

    private void replyTuples(StreamObserver<TupleReply> observer, Object view) {
        reply(observer, json.write(view, TupleReply.newBuilder()));
    }

    @Override
    public void out(OutRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, lanes.out(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, OutBody.class), SOURCE));
    }

    @Override
    public void in(InRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, lanes.in(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, InBody.class)));
    }

    @Override
    public void rd(RdRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, lanes.rd(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, RdBody.class)));
    }

    @Override
    public void scan(ScanRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, lanes.scan(GrpcAuthInterceptor.actor(), request.getLane(), orNull(request.getVacant()),
                orNull(request.getYool()), request.hasHilbertFrom() ? request.getHilbertFrom() : null,
                request.hasHilbertTo() ? request.getHilbertTo() : null, request.hasLimit() ? request.getLimit() : null));
    }

    @Override
    public void route(RouteRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, lanes.route(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, RouteBody.class)));
    }

    @Override
    public void scanSpace(ScanSpaceRequest request, StreamObserver<TupleReply> observer) {
        replyTuples(observer, space.scan(GrpcAuthInterceptor.actor(), orNull(request.getVacant()), orNull(request.getYool()),
                request.hasLimit() ? request.getLimit() : 100));
    }

    @Override
    public void hook(WallRequest request, StreamObserver<WallReply> observer) {
        wall(request, WallAction.HOOK, observer);
    }

    @Override
    public void checkWall(WallRequest request, StreamObserver<WallReply> observer) {
        wall(request, WallAction.CHECK, observer);
    }

    @Override
    public void unhook(WallRequest request, StreamObserver<WallReply> observer) {
        wall(request, WallAction.UNHOOK, observer);
    }

    private void wall(WallRequest request, WallAction action, StreamObserver<WallReply> observer) {
        reply(observer, json.<WallReply>write(space.wall(GrpcAuthInterceptor.actor(), request.getWall(),
                json.read(request, WallBody.class), action), WallReply.newBuilder()));
    }

    @Override
    public void snapshot(SnapshotRequest request, StreamObserver<SpaceSnapshot> observer) {
        reply(observer, json.write(space.snapshot(), SpaceSnapshot.newBuilder()));
    }

    @Override
    public void spawnAgent(SpawnAgentRequest request, StreamObserver<AgentReply> observer) {
        reply(observer, json.write(agents.spawn(GrpcAuthInterceptor.actor(), json.read(request, AgentSpawnBody.class)),
                AgentReply.newBuilder()));
    }

    @Override
    public void batchSpawn(BatchSpawnRequest request, StreamObserver<BatchSpawnReply> observer) {
        reply(observer, json.write(agents.batchSpawn(GrpcAuthInterceptor.actor(), json.read(request, BatchSpawnBody.class)),
                BatchSpawnReply.newBuilder()));
    }

    @Override
    public void materialize(MaterializeRequest request, StreamObserver<MaterializeReply> observer) {
        reply(observer, json.write(agents.materialize(GrpcAuthInterceptor.actor(), json.read(request, MaterializeBody.class)),
                MaterializeReply.newBuilder()));
    }

    @Override
    public void compress(AgentRequest request, StreamObserver<CompressReply> observer) {
        reply(observer, json.write(agents.compress(GrpcAuthInterceptor.actor(), json.read(request, AgentBody.class)),
                CompressReply.newBuilder()));
    }

    @Override
    public void restore(AgentRequest request, StreamObserver<AgentReply> observer) {
        reply(observer, json.write(agents.restore(GrpcAuthInterceptor.actor(), json.read(request, AgentBody.class)),
                AgentReply.newBuilder()));
    }

    @Override
    public void pruneIdle(PruneIdleRequest request, StreamObserver<PruneReply> observer) {
        reply(observer, json.write(agents.pruneIdle(GrpcAuthInterceptor.actor(), json.read(request, PruneBody.class)),
                PruneReply.newBuilder()));
    }

    @Override
    public void watchLane(WatchLaneRequest request, StreamObserver<Tuple> observer) {
        Actor actor = GrpcAuthInterceptor.actor();
        Authority authority = authorities.resolve(actor, orNull(request.getVacant()));
        String lane = request.getLane();
        String yool = orNull(request.getYool());
        Set<String> seen = new HashSet<>(ids(spaceScan.lane(authority, lane, yool, TupleOp.MAX_SCAN_LIMIT)));
        watches.open(observer, () -> {
            List<dev.vacant.kernel.tuple.Tuple> present = spaceScan.lane(authority, lane, yool, TupleOp.MAX_SCAN_LIMIT);
            List<Tuple> arrived = present.stream().filter(tuple -> !seen.contains(tuple.id().toString()))
                    .map(tuple -> json.<Tuple>write(TupleResultJson.tuple(tuple), Tuple.newBuilder())).toList();
            seen.clear();
            seen.addAll(ids(present));
            return arrived;
        });
    }

    private static List<String> ids(List<dev.vacant.kernel.tuple.Tuple> tuples) {
        return tuples.stream().map(tuple -> tuple.id().toString()).toList();
    }
}
