package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.tuple.transport.TupleGateway;
import dev.vacant.infra.tuple.web.TupleRequests.AgentBody;
import dev.vacant.infra.tuple.web.TupleRequests.BatchSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.MaterializeBody;
import dev.vacant.infra.tuple.web.TupleRequests.PruneBody;
import dev.vacant.infra.tuple.web.TupleRequests.SpawnBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.VirtualSubtree;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agent tuples: spawn, lazy batch spawn, materialize, compress, restore, prune ({@code docs/tuples.md}). */
@RestController
@RequestMapping("/api/v1/agents")
public class AgentController {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;

    public AgentController(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
    }

    @PostMapping("/spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public JsonNode spawn(@AuthenticationPrincipal Actor actor, @RequestBody SpawnBody body) {
        return gateway.request(new TupleOp.SpawnAgent(opIds.scoped(actor, body.opId()), body.lane(),
                authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                body.yool(), body.data()));
    }

    @PostMapping("/batch-spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public JsonNode batchSpawn(@AuthenticationPrincipal Actor actor, @RequestBody BatchSpawnBody body) {
        return gateway.request(new TupleOp.BatchSpawn(opIds.scoped(actor, body.opId()), body.lane(),
                authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                body.yool(), new VirtualSubtree(body.depth(), body.branching()), body.compressionThreshold()));
    }

    @PostMapping("/materialize")
    public JsonNode materialize(@AuthenticationPrincipal Actor actor, @RequestBody MaterializeBody body) {
        return gateway.request(new TupleOp.Materialize(opIds.scoped(actor, body.opId()), body.lane(),
                authorities.resolve(actor, body.vacant()), body.receipt(), body.path(), body.asVacant()));
    }

    @PostMapping("/compress")
    public JsonNode compress(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return gateway.request(new TupleOp.Compress(opIds.scoped(actor, body.opId()), body.lane(),
                authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    @PostMapping("/restore")
    public JsonNode restore(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return gateway.request(new TupleOp.Restore(opIds.scoped(actor, body.opId()), body.lane(),
                authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    @PostMapping("/prune-idle")
    public JsonNode pruneIdle(@AuthenticationPrincipal Actor actor, @RequestBody PruneBody body) {
        actor.requireOperator();
        return gateway.request(new TupleOp.PruneIdle(opIds.scoped(actor, body.opId()), body.maxActive()));
    }
}
