package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.space.TupleStore.AgentState;
import dev.vacant.command.tuple.space.TupleStore.StoredAgent;
import dev.vacant.command.tuple.space.TupleStore.Subtree;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.ColdData;
import dev.vacant.kernel.tuple.CompositeLane;
import dev.vacant.kernel.tuple.Receipts;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleData;
import dev.vacant.kernel.tuple.TupleIds;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleRules;
import dev.vacant.kernel.tuple.VirtualSubtree;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The effects of the non-blocking ops on the store, each returning its reply's typed {@link TupleResult}. Every check
 * (hookwall, existence, state) happens before the first write, so a rejected op writes nothing. Called by
 * the {@link LaneWorker} inside its transaction, one lane at a time.
 */
public final class TupleSpace {

    /** The map of agent tuples (agents have no position of their own). */
    private static final TupleMap AGENT_MAP = TupleMap.of(0);
    /** The data key of the vacant an agent materialized {@code as_vacant} is. */
    private static final String VACANT_ID = "vacant_id";
    /** The spawn key of an agent's bud: this prefix and the agent id. */
    private static final String BUD_SPAWN_KEY = "agent:";

    private final TupleStore store;
    private final CompositeTrees trees;
    private final BudSpawner buds;
    private final Clock clock;
    private final TupleIds ids;
    private final Supplier<JsonNode> execution;
    private final Supplier<JsonNode> policy;

    /**
     * @param execution the process's {@code execution} part of the snapshot (lane metrics, breakers, cache)
     * @param policy    the process's {@code policy} part of the snapshot (the guardrail numbers in force)
     */
    public TupleSpace(TupleStore store, CompositeTrees trees, BudSpawner buds, Clock clock, TupleIds ids,
                      Supplier<JsonNode> execution, Supplier<JsonNode> policy) {
        this.store = store;
        this.trees = trees;
        this.buds = buds;
        this.clock = clock;
        this.ids = ids;
        this.execution = execution;
        this.policy = policy;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Requires the op's lane to admit its authority ({@link LaneAccess}), else {@code WALL_DENIED}. */
    public void guard(TupleOp.Guarded op) {
        new LaneAccess(op.authority(), store, trees).require(op.lane());
    }

    /**
     * The tuple an {@code out} writes, its carried receipts after {@code out@} (not yet stored: it may go straight
     * to a waiter).
     */
    public Tuple newTuple(TupleOp.Out out) {
        UUID id = ids.next();
        Instant now = now();
        Instant lease = out.leaseMs() == null ? null : now.plusMillis(out.leaseMs());
        return new Tuple(id, out.yool(), out.map(), out.authority().vacant(), out.lane(), out.source(), out.parentId(),
                out.agentId(), out.data(), Stream.concat(Stream.of(Receipts.of("out", out.opId(), id.toString())),
                out.receipts().stream()).toList(), now, lease);
    }

    public TupleResult.Single store(Tuple tuple) {
        store.insert(tuple, null);
        return new TupleResult.Single(tuple);
    }

    /** Takes the first visible match, leaving an {@code in@} receipt on the returned tuple. */
    public Optional<Tuple> take(TupleOp.In in) {
        return store.first(in.lane(), in.template(), now()).map(found -> {
            store.delete(found.id());
            return taken(found, in.opId());
        });
    }

    /** The tuple as handed to the {@code in} that took it. */
    public Tuple taken(Tuple tuple, String inOpId) {
        return tuple.withReceipt(Receipts.of("in", inOpId, tuple.id().toString()), now());
    }

    public TupleResult.Single read(TupleOp.Rd rd) {
        return new TupleResult.Single(store.first(rd.lane(), rd.template(), now()).orElse(null));
    }

    public TupleResult.Scanned scan(TupleOp.Scan scan) {
        return new TupleResult.Scanned(
                store.scan(scan.lane(), scan.yool(), scan.hilbertFrom(), scan.hilbertTo(), scan.limit(), now()));
    }

    public TupleResult.Single routePacket(TupleOp.RoutePacket route) {
        Tuple first = store.first(route.lane(), Template.ANY, now())
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "lane '" + route.lane() + "' is empty"));
        ObjectNode merged = first.data().deepCopy();
        merged.setAll(route.packet());
        Tuple routed = first.withData(merged).withReceipt(Receipts.of("route", route.opId(), first.id().toString()), now());
        store.update(routed);
        return new TupleResult.Single(routed);
    }

    /**
     * Hooks, unhooks or checks a capability. The wall of a composite-internal lane is its parent's tree: it is checked
     * like any wall ({@code cap:<vacant_id>} of the parent or a member is held) but cannot be hooked or unhooked.
     */
    public TupleResult.Wall hookwall(TupleOp.Hookwall op) {
        boolean composite = CompositeLane.reserved(op.wall());
        TupleRules.require(!composite || op.action() == TupleOp.WallAction.CHECK, "wall",
                "a composite lane's wall is its parent's tree and cannot be hooked or unhooked");
        boolean held = switch (op.action()) {
            case HOOK -> {
                store.hook(op.wall(), op.capability());
                yield true;
            }
            case UNHOOK -> {
                store.unhook(op.wall(), op.capability());
                yield false;
            }
            case CHECK -> composite
                    ? treeHolds(op.wall(), op.capability())
                    : store.wall(op.wall()).contains(op.capability());
        };
        return new TupleResult.Wall(op.wall(), op.capability(), held);
    }

    private boolean treeHolds(String lane, String capability) {
        return Authority.vacantOf(capability)
                .filter(vacant -> new LaneAccess(new Authority(vacant, Set.of()), store, trees).admits(lane))
                .isPresent();
    }

    public TupleResult.Agent spawnAgent(TupleOp.SpawnAgent spawn) {
        requireParent(spawn.parentTuple());
        UUID id = ids.next();
        Tuple agent = agentTuple(id, "agt-" + id, spawn.yool(), spawn, spawn.parentTuple(), spawn.data(),
                Receipts.of("spawn", spawn.opId(), id.toString()));
        store.insert(agent, AgentState.ACTIVE);
        return new TupleResult.Agent(agent);
    }

    /** One controller agent and one subtree descriptor, whatever the subtree's size. */
    public TupleResult.BatchSpawned batchSpawn(TupleOp.BatchSpawn batch) {
        requireParent(batch.parentTuple());
        UUID id = ids.next();
        VirtualSubtree subtree = batch.subtree();
        String receipt = Receipts.of("batch", batch.opId(), id.toString());
        ObjectNode descriptor = Json.object().put("receipt", receipt).put("depth", subtree.depth())
                .put("branching", subtree.branching()).put("size", subtree.size());
        Tuple controller = agentTuple(id, "agt-" + id, batch.yool(), batch, batch.parentTuple(),
                Json.object().set("virtual_subtree", descriptor), receipt);
        store.insert(controller, AgentState.ACTIVE);
        store.insertSubtree(new Subtree(receipt, controller.agentId(), id, batch.lane(), batch.yool(), subtree.depth(),
                subtree.branching(), subtree.size(), 0, batch.compressionThreshold()));
        return new TupleResult.BatchSpawned(receipt, subtree.size(), controller);
    }

    /**
     * Creates the virtual agent {@code (receipt, path)} on first use (later calls return it). When more of the
     * subtree's agents are active than its compression threshold, the least recently active are compressed. With
     * {@code as_vacant}, an active agent that is no vacant yet becomes one ({@link #asBud}).
     */
    public TupleResult.Materialized materialize(TupleOp.Materialize op) {
        Subtree subtree = store.subtree(op.receipt()).filter(s -> s.lane().equals(op.lane()))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND,
                        "no batch spawn '" + op.receipt() + "' in lane '" + op.lane() + "'"));
        List<Integer> path = new VirtualSubtree(subtree.depth(), subtree.branching()).requirePath(op.path());
        String agentId = subtree.receipt() + "/" + path.stream().map(String::valueOf).collect(Collectors.joining("."));
        Optional<StoredAgent> existing = store.agent(agentId);
        if (existing.isPresent()) {
            Tuple agent = existing.get().tuple();
            if (op.asVacant() && existing.get().state() == AgentState.ACTIVE && !agent.data().has(VACANT_ID)) {
                agent = asBud(agent, subtree, op);
                store.update(agent);
            }
            return new TupleResult.Materialized(false, agent);
        }
        UUID id = ids.next();
        ObjectNode address = Json.object().put("receipt", subtree.receipt());
        path.forEach(address.putArray("path")::add);
        Tuple agent = agentTuple(id, agentId, subtree.yool(), op, subtree.controllerTuple(),
                Json.object().set("virtual", address), Receipts.of("materialize", op.opId(), agentId));
        if (op.asVacant()) {
            agent = asBud(agent, subtree, op);
        }
        store.insert(agent, AgentState.ACTIVE);
        store.countMaterialized(subtree.receipt());
        if (subtree.compressionThreshold() != null) {
            String prefix = subtree.receipt() + "/";
            long excess = store.activeAgents(prefix) - subtree.compressionThreshold();
            compressLeastActive(prefix, excess, op.opId());
        }
        return new TupleResult.Materialized(true, agent);
    }

    /**
     * The agent as a LOCAL D2 bud of the vacant that made the batch spawn (only that vacant may ask, else
     * {@code FORBIDDEN}): its id goes into the agent's {@code data.vacant_id}, with a {@code bud@} receipt. The spawn
     * commits before this op does; its key is the agent id, so when this op is applied again (redelivered, or retried
     * after its transaction failed) the same bud comes back and none is spawned twice.
     */
    private Tuple asBud(Tuple agent, Subtree subtree, TupleOp.Materialize op) {
        VacantId batchAuthority = store.tuple(subtree.controllerTuple()).map(Tuple::authority)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND,
                        "the controller agent of '" + subtree.receipt() + "' is gone"));
        if (!batchAuthority.equals(op.authority().vacant())) {
            throw new VacantException(ErrorCode.FORBIDDEN, "only " + batchAuthority
                    + ", which made the batch spawn, can materialize its agents as vacants");
        }
        VacantId bud = buds.spawnBud(op.authority(), BUD_SPAWN_KEY + agent.agentId());
        ObjectNode data = agent.data().deepCopy().put(VACANT_ID, bud.value());
        return agent.withData(data).withReceipt(Receipts.of("bud", op.opId(), bud.value()), now());
    }

    public TupleResult.Compressed compress(TupleOp.Compress op) {
        StoredAgent agent = agentIn(op.lane(), op.agentId());
        if (agent.state() == AgentState.COMPRESSED) {
            return new TupleResult.Compressed(agent.tuple(), agent.dataDigest());
        }
        return new TupleResult.Compressed(compress(agent.tuple(), op.opId()), TupleData.digest(agent.tuple().data()));
    }

    public TupleResult.Agent restore(TupleOp.Restore op) {
        StoredAgent agent = agentIn(op.lane(), op.agentId());
        if (agent.state() == AgentState.ACTIVE) {
            return new TupleResult.Agent(agent.tuple());
        }
        ColdData cold = store.cold(op.agentId())
                .filter(c -> c.digest().equals(agent.dataDigest()))
                .orElseThrow(() -> new VacantException(ErrorCode.INTERNAL, "cold data of " + op.agentId() + " is missing"));
        Tuple restored = agent.tuple().withData(cold.restore())
                .withReceipt(Receipts.of("restore", op.opId(), op.agentId()), now());
        store.restore(restored);
        return new TupleResult.Agent(restored);
    }

    public TupleResult.Pruned pruneIdle(TupleOp.PruneIdle op) {
        return new TupleResult.Pruned(compressLeastActive(null, store.activeAgents(null) - op.maxActive(), op.opId()));
    }

    public TupleResult.Snapshot snapshot() {
        return new TupleResult.Snapshot(store.counts(now()), execution.get(), policy.get());
    }

    private List<String> compressLeastActive(String prefix, long count, String opId) {
        if (count <= 0) {
            return List.of();
        }
        List<String> idle = store.leastActiveAgents(prefix, (int) Math.min(count, 10_000));
        idle.forEach(agentId -> compress(store.agent(agentId).orElseThrow().tuple(), opId));
        return idle;
    }

    private Tuple compress(Tuple agent, String opId) {
        ColdData cold = ColdData.of(agent.data());
        Tuple token = agent.withData(Json.object()).withReceipt(Receipts.of("compress", opId, agent.agentId()), now());
        store.compress(token, cold);
        return token;
    }

    private StoredAgent agentIn(String lane, String agentId) {
        return store.agent(agentId).filter(a -> a.tuple().lane().equals(lane))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no agent '" + agentId + "' in lane '" + lane + "'"));
    }

    private void requireParent(UUID parentTuple) {
        if (parentTuple != null && store.tuple(parentTuple).isEmpty()) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no parent tuple " + parentTuple);
        }
    }

    private Tuple agentTuple(UUID id, String agentId, String yool, TupleOp.Guarded op, UUID parent, ObjectNode data,
                             String receipt) {
        return new Tuple(id, yool, AGENT_MAP, op.authority().vacant(), op.lane(), "agent", parent, agentId, data,
                List.of(receipt), now(), null);
    }
}
