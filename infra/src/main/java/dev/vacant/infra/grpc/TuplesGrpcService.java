package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;

import dev.vacant.grpc.tuples.v1.InRequest;
import dev.vacant.grpc.tuples.v1.OutRequest;
import dev.vacant.grpc.tuples.v1.RdRequest;
import dev.vacant.grpc.tuples.v1.ScanRequest;
import dev.vacant.grpc.tuples.v1.Tuple;
import dev.vacant.grpc.tuples.v1.TupleReply;
import dev.vacant.grpc.tuples.v1.TuplesGrpc;
import dev.vacant.grpc.tuples.v1.WatchLaneRequest;
import dev.vacant.command.tuple.space.SpaceScan;
import dev.vacant.command.tuple.space.TupleJson;
import dev.vacant.infra.tuple.web.LaneOps;
import dev.vacant.infra.tuple.web.TupleAuthorities;
import dev.vacant.infra.tuple.web.TupleRequests.InBody;
import dev.vacant.infra.tuple.web.TupleRequests.OutBody;
import dev.vacant.infra.tuple.web.TupleRequests.RdBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.TupleOp;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code vacant.tuples.v1.Tuples}: the gRPC twin of the lane endpoints, through the same lane ops; replies are the
 * REST replies ({@code {"tuple": ...}}, {@code {"tuples": [...]}}). {@code WatchLane} polls the lane from the store
 * (a poll records no op) and sends the tuples whose ids it had not seen: a tuple taken again within one poll
 * interval of its arrival is not seen.
 */
@Component
public class TuplesGrpcService extends TuplesGrpc.TuplesImplBase implements GrpcApi {

    static final String SOURCE = "grpc";

    private final LaneOps lanes;
    private final TupleAuthorities authorities;
    private final SpaceScan spaceScan;
    private final ProtoJson json;
    private final GrpcWatches watches;

    public TuplesGrpcService(LaneOps lanes, TupleAuthorities authorities, SpaceScan spaceScan, ProtoJson json,
                             GrpcWatches watches) {
        this.lanes = lanes;
        this.authorities = authorities;
        this.spaceScan = spaceScan;
        this.json = json;
        this.watches = watches;
    }

    private void reply(StreamObserver<TupleReply> observer, Object view) {
        observer.onNext(json.write(view, TupleReply.newBuilder()));
        observer.onCompleted();
    }

    @Override
    public void out(OutRequest request, StreamObserver<TupleReply> observer) {
        reply(observer, lanes.out(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, OutBody.class), SOURCE));
    }

    @Override
    public void in(InRequest request, StreamObserver<TupleReply> observer) {
        reply(observer, lanes.in(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, InBody.class)));
    }

    @Override
    public void rd(RdRequest request, StreamObserver<TupleReply> observer) {
        reply(observer, lanes.rd(GrpcAuthInterceptor.actor(), request.getLane(), json.read(request, RdBody.class)));
    }

    @Override
    public void scan(ScanRequest request, StreamObserver<TupleReply> observer) {
        reply(observer, lanes.scan(GrpcAuthInterceptor.actor(), request.getLane(), orNull(request.getVacant()),
                orNull(request.getYool()), request.hasHilbertFrom() ? request.getHilbertFrom() : null,
                request.hasHilbertTo() ? request.getHilbertTo() : null, request.hasLimit() ? request.getLimit() : null));
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
                    .map(tuple -> json.<Tuple>write(TupleJson.of(tuple), Tuple.newBuilder())).toList();
            seen.clear();
            seen.addAll(ids(present));
            return arrived;
        });
    }

    private static List<String> ids(List<dev.vacant.kernel.tuple.Tuple> tuples) {
        return tuples.stream().map(tuple -> tuple.id().toString()).toList();
    }
}
