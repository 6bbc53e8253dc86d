package dev.vacant.infra.tuple.web;

import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.tuple.web.TupleRequests.AgentBody;
import dev.vacant.infra.tuple.web.TupleRequests.AgentSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.BatchSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.MaterializeBody;
import dev.vacant.infra.tuple.web.TupleRequests.PruneBody;
import dev.vacant.infra.tuple.web.TupleResponses.AgentAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.BatchSpawnAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.CompressAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.MaterializeAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.PruneAnswer;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.VirtualSubtree;
import org.springframework.stereotype.Component;

/**
 * Agent tuples as the REST and gRPC adapters share them ({@code docs/tuples.md}): spawn, lazy batch spawn,
 * materialize, compress, restore, and pruning idle agents (operators only).
 */
@Component
public class AgentOps {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;

    public AgentOps(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
    }

    public AgentAnswer spawn(Actor actor, AgentSpawnBody body) {
        return TupleResponses.answer(gateway, AgentAnswer.class,
                new TupleOp.SpawnAgent(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                        body.yool(), body.data()));
    }

    public BatchSpawnAnswer batchSpawn(Actor actor, BatchSpawnBody body) {
        return TupleResponses.answer(gateway, BatchSpawnAnswer.class,
                new TupleOp.BatchSpawn(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                        body.yool(), new VirtualSubtree(body.depth(), body.branching()), body.compressionThreshold()));
    }

    public MaterializeAnswer materialize(Actor actor, MaterializeBody body) {
        return TupleResponses.answer(gateway, MaterializeAnswer.class,
                new TupleOp.Materialize(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.receipt(), body.path(), body.asVacant()));
    }

    public CompressAnswer compress(Actor actor, AgentBody body) {
        return TupleResponses.answer(gateway, CompressAnswer.class,
                new TupleOp.Compress(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    public AgentAnswer restore(Actor actor, AgentBody body) {
        return TupleResponses.answer(gateway, AgentAnswer.class,
                new TupleOp.Restore(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    public PruneAnswer pruneIdle(Actor actor, PruneBody body) {
        actor.requireOperator();
        return TupleResponses.answer(gateway, PruneAnswer.class,
                new TupleOp.PruneIdle(opIds.scoped(actor, body.opId()), body.maxActive()));
    }
}
