package dev.vacant.kernel.tuple;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The operations of the tuple space ({@code tuples.md}), each a command with an {@code op_id} idempotency key
 * and the {@link #lane()} that orders it: ops of one lane are applied one after another, in order.
 * Constructors validate every field ({@code VALIDATION_FAILED}); the authority is always resolved by the
 * server from the authenticated caller.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TupleOp.Out.class, name = "out"),
        @JsonSubTypes.Type(value = TupleOp.In.class, name = "in"),
        @JsonSubTypes.Type(value = TupleOp.Rd.class, name = "rd"),
        @JsonSubTypes.Type(value = TupleOp.Scan.class, name = "scan"),
        @JsonSubTypes.Type(value = TupleOp.RoutePacket.class, name = "route_packet"),
        @JsonSubTypes.Type(value = TupleOp.Hookwall.class, name = "hookwall"),
        @JsonSubTypes.Type(value = TupleOp.SpawnAgent.class, name = "spawn_agent"),
        @JsonSubTypes.Type(value = TupleOp.BatchSpawn.class, name = "batch_spawn"),
        @JsonSubTypes.Type(value = TupleOp.Materialize.class, name = "materialize"),
        @JsonSubTypes.Type(value = TupleOp.Compress.class, name = "compress"),
        @JsonSubTypes.Type(value = TupleOp.Restore.class, name = "restore"),
        @JsonSubTypes.Type(value = TupleOp.PruneIdle.class, name = "prune_idle"),
        @JsonSubTypes.Type(value = TupleOp.Snapshot.class, name = "snapshot")})
public sealed interface TupleOp {

    /** The lane of the space-wide ops ({@code prune_idle}, {@code snapshot}). */
    String SPACE_LANE = "space";
    /** The longest blocking {@code in}: 5 minutes. */
    long MAX_TIMEOUT_MS = 300_000;
    /** The longest lease: 30 days. */
    long MAX_LEASE_MS = 30L * 24 * 3600 * 1000;
    /** The most tuples one scan answers. */
    int MAX_SCAN_LIMIT = 1000;

    String opId();

    /** The lane that orders this op (the Kafka record key). */
    String lane();

    /** Ops acting for a vacant on a lane, subject to the lane's hookwall. */
    sealed interface Guarded extends TupleOp {
        Authority authority();
    }

    /**
     * Writes a tuple into its lane ({@code lease_ms}: optional lease). {@code receipts} (at most
     * {@value #MAX_CARRIED_RECEIPTS}) are carried onto the tuple after its {@code out@} receipt: the server's own
     * writers (the lane runner) use them for the receipts of the work that produced the tuple; clients never set
     * them.
     */
    record Out(String opId, String lane, Authority authority, String yool, TupleMap map, String source,
               UUID parentId, String agentId, ObjectNode data, Long leaseMs, List<String> receipts)
            implements Guarded {

        /** The most receipts an {@code out} may carry. */
        public static final int MAX_CARRIED_RECEIPTS = 8;

        public Out {
            common(opId, lane, authority);
            TupleRules.text("yool", yool, 128);
            TupleRules.require(map != null, "map", "is required");
            TupleRules.text("source", source, 256);
            TupleRules.require(agentId == null || agentId.length() <= 128, "agent_id", "must be at most 128 characters");
            data = TupleData.require("data", data);
            if (leaseMs != null) {
                TupleRules.range("lease_ms", leaseMs, 1, MAX_LEASE_MS);
            }
            receipts = receipts == null ? List.of() : List.copyOf(receipts);
            TupleRules.require(receipts.size() <= MAX_CARRIED_RECEIPTS
                    && receipts.stream().allMatch(Receipts::isReceipt), "receipts",
                    "must be at most " + MAX_CARRIED_RECEIPTS + " receipts (kind@16 hex digits)");
        }

        /** An {@code out} carrying no receipts (every client's). */
        public Out(String opId, String lane, Authority authority, String yool, TupleMap map, String source,
                   UUID parentId, String agentId, ObjectNode data, Long leaseMs) {
            this(opId, lane, authority, yool, map, source, parentId, agentId, data, leaseMs, List.of());
        }
    }

    /** Takes the first matching tuple; with {@code timeoutMs > 0} waits that long for one (empty on timeout). */
    record In(String opId, String lane, Authority authority, Template template, long timeoutMs) implements Guarded {
        public In {
            common(opId, lane, authority);
            template = template == null ? Template.ANY : template;
            TupleRules.range("timeout_ms", timeoutMs, 0, MAX_TIMEOUT_MS);
        }
    }

    /** Reads the first matching tuple without removing it. */
    record Rd(String opId, String lane, Authority authority, Template template) implements Guarded {
        public Rd {
            common(opId, lane, authority);
            template = template == null ? Template.ANY : template;
        }
    }

    /**
     * Lists a lane's tuples in lane order, optionally only one yool and only Hilbert indices in
     * {@code [hilbertFrom, hilbertTo]} (a region of the map).
     */
    record Scan(String opId, String lane, Authority authority, String yool, Long hilbertFrom, Long hilbertTo,
                int limit) implements Guarded {
        public Scan {
            common(opId, lane, authority);
            TupleRules.range("limit", limit, 1, MAX_SCAN_LIMIT);
            TupleRules.require(hilbertFrom == null || hilbertTo == null || hilbertFrom <= hilbertTo, "hilbert_from",
                    "must not exceed hilbert_to");
        }
    }

    /** Merges {@code packet} into the data of the first tuple of the lane and adds a {@code route@} receipt. */
    record RoutePacket(String opId, String lane, Authority authority, ObjectNode packet) implements Guarded {
        public RoutePacket {
            common(opId, lane, authority);
            packet = TupleData.require("packet", packet);
        }
    }

    /** What a hookwall op does. */
    enum WallAction { HOOK, CHECK, UNHOOK }

    /** Adds, tests or removes a capability of the wall that guards the lane of the same name. */
    record Hookwall(String opId, String wall, String capability, WallAction action) implements TupleOp {
        public Hookwall {
            TupleRules.opId(opId);
            TupleRules.name("wall", wall);
            TupleRules.text("capability", capability, 256);
            TupleRules.require(action != null, "action", "is required");
        }

        @Override
        public String lane() {
            return wall;
        }
    }

    /** Materialises an agent tuple with the next agent id. */
    record SpawnAgent(String opId, String lane, Authority authority, UUID parentTuple, String yool, ObjectNode data)
            implements Guarded {
        public SpawnAgent {
            common(opId, lane, authority);
            TupleRules.text("yool", yool, 128);
            data = TupleData.require("data", data);
        }
    }

    /** One controller agent standing for a lazy {@link VirtualSubtree} of {@code branching^depth} agents. */
    record BatchSpawn(String opId, String lane, Authority authority, UUID parentTuple, String yool,
                      VirtualSubtree subtree, Integer compressionThreshold) implements Guarded {
        public BatchSpawn {
            common(opId, lane, authority);
            TupleRules.text("yool", yool, 128);
            TupleRules.require(subtree != null, "subtree", "is required");
            if (compressionThreshold != null) {
                TupleRules.range("compression_threshold", compressionThreshold, 1, Integer.MAX_VALUE);
            }
        }
    }

    /**
     * Creates (on first use) the virtual agent {@code (receipt, path)} of a batch spawn in the lane; with
     * {@code asVacant}, the agent is also a LOCAL D2 bud of the vacant that made the batch spawn.
     */
    record Materialize(String opId, String lane, Authority authority, String receipt, List<Integer> path,
                       boolean asVacant) implements Guarded {
        public Materialize {
            common(opId, lane, authority);
            TupleRules.text("receipt", receipt, 128);
            TupleRules.require(path != null && !path.isEmpty(), "path", "is required");
            path = List.copyOf(path);
        }
    }

    /** Moves an agent's data to cold storage, keeping envelope, receipts and data digest. */
    record Compress(String opId, String lane, Authority authority, String agentId) implements Guarded {
        public Compress {
            common(opId, lane, authority);
            TupleRules.text("agent_id", agentId, 128);
        }
    }

    /** Brings a compressed agent's data back from cold storage, checking its digest. */
    record Restore(String opId, String lane, Authority authority, String agentId) implements Guarded {
        public Restore {
            common(opId, lane, authority);
            TupleRules.text("agent_id", agentId, 128);
        }
    }

    /** Compresses the least recently active agents until at most {@code maxActive} remain active. */
    record PruneIdle(String opId, int maxActive) implements TupleOp {
        public PruneIdle {
            TupleRules.opId(opId);
            TupleRules.range("max_active", maxActive, 0, Integer.MAX_VALUE);
        }

        @Override
        public String lane() {
            return SPACE_LANE;
        }
    }

    /** Counts of the space. */
    record Snapshot(String opId) implements TupleOp {
        public Snapshot {
            TupleRules.opId(opId);
        }

        @Override
        public String lane() {
            return SPACE_LANE;
        }
    }

    private static void common(String opId, String lane, Authority authority) {
        TupleRules.opId(opId);
        TupleRules.name("lane", lane);
        Objects.requireNonNull(authority, "authority");
    }
}
