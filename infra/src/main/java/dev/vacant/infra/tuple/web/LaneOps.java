package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.infra.tuple.web.TupleRequests.InBody;
import dev.vacant.infra.tuple.web.TupleRequests.OutBody;
import dev.vacant.infra.tuple.web.TupleRequests.RdBody;
import dev.vacant.infra.tuple.web.TupleRequests.RouteBody;
import dev.vacant.infra.tuple.web.TupleRequests.TemplateBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;

/**
 * The lane operations as the REST and gRPC adapters share them ({@code docs/tuples.md}): resolves the caller's
 * authority over the named vacant, maps the request to its {@link TupleOp}, sends it through the lane and answers
 * its result's JSON ({@link TupleResultJson}).
 */
public class LaneOps {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;

    public LaneOps(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
    }

    /** {@code out}; {@code defaultSource} names the adapter when the request names no source. */
    public JsonNode out(Actor actor, String lane, OutBody body, String defaultSource) {
        return send(new TupleOp.Out(opIds.scoped(actor, body.opId()), lane, authorities.resolve(actor, body.vacant()),
                body.yool(), TupleRequests.map(body.map()), body.source() == null ? defaultSource : body.source(),
                TupleRequests.uuid("parent_id", body.parentId()), body.agentId(), body.data(), body.leaseMs()));
    }

    public JsonNode in(Actor actor, String lane, InBody body) {
        return send(new TupleOp.In(opIds.scoped(actor, body.opId()), lane, authorities.resolve(actor, body.vacant()),
                TemplateBody.of(body.template()), body.timeoutMs() == null ? 0 : body.timeoutMs()));
    }

    public JsonNode rd(Actor actor, String lane, RdBody body) {
        return send(new TupleOp.Rd(opIds.scoped(actor, body.opId()), lane, authorities.resolve(actor, body.vacant()),
                TemplateBody.of(body.template())));
    }

    /** {@code route}: the packet routed through the lane. */
    public JsonNode route(Actor actor, String lane, RouteBody body) {
        return send(new TupleOp.RoutePacket(opIds.scoped(actor, body.opId()), lane,
                authorities.resolve(actor, body.vacant()), body.packet()));
    }

    /** The tuples of a lane the vacant may read, in the lane's order; {@code limit} 100 when absent. */
    public JsonNode scan(Actor actor, String lane, String vacant, String yool, Long hilbertFrom, Long hilbertTo,
                         Integer limit) {
        return send(new TupleOp.Scan(opIds.fresh(), lane, authorities.resolve(actor, vacant), yool,
                hilbertFrom, hilbertTo, limit == null ? 100 : limit));
    }

    private JsonNode send(TupleOp op) {
        return TupleResultJson.write(gateway.request(op));
    }
}
