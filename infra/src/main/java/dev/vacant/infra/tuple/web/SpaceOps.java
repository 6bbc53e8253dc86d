package dev.vacant.infra.tuple.web;

import dev.vacant.command.tuple.space.SpaceScan;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.tuple.web.TupleRequests.WallBody;
import dev.vacant.infra.tuple.web.TupleResponses.SnapshotAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.TuplesAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.WallAnswer;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleOp.WallAction;
import org.springframework.stereotype.Component;

/**
 * The tuple space's operations beyond one lane, as the REST and gRPC adapters share them ({@code docs/tuples.md}):
 * the lane-less scan, hookwall actions (hooking and unhooking are for operators) and the snapshot.
 */
@Component
public class SpaceOps {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;
    private final SpaceScan spaceScan;

    public SpaceOps(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds, SpaceScan spaceScan) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
        this.spaceScan = spaceScan;
    }

    /** The lane-less scan: every lane the vacant may use, read from the store rather than sent through a lane. */
    public TuplesAnswer scan(Actor actor, String vacant, String yool, int limit) {
        return TupleResponses.read(spaceScan.scan(authorities.resolve(actor, vacant), yool, limit), TuplesAnswer.class);
    }

    /** A hookwall action; {@link WallAction#HOOK} and {@link WallAction#UNHOOK} need an operator. */
    public WallAnswer wall(Actor actor, String wall, WallBody body, WallAction action) {
        if (action != WallAction.CHECK) {
            actor.requireOperator();
        }
        return TupleResponses.answer(gateway, WallAnswer.class,
                new TupleOp.Hookwall(opIds.scoped(actor, body.opId()), wall, body.capability(), action));
    }

    public SnapshotAnswer snapshot() {
        return TupleResponses.answer(gateway, SnapshotAnswer.class, new TupleOp.Snapshot(opIds.fresh()));
    }
}
