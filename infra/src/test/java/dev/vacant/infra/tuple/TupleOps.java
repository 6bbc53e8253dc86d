package dev.vacant.infra.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builds ops for the tests: fresh op ids, a fixed lane, one authority. */
final class TupleOps {

    final String lane;
    final Authority authority;

    TupleOps(String lane, Authority authority) {
        this.lane = lane;
        this.authority = authority;
    }

    /** A fresh lane and a fresh random vacant holding the given tools. */
    static TupleOps freshLane(String... tools) {
        return new TupleOps("lane-" + UUID.randomUUID().toString().substring(0, 8), randomAuthority(tools));
    }

    static Authority randomAuthority(String... tools) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Authority(VacantId.of(key), Set.of(tools));
    }

    TupleOps as(Authority other) {
        return new TupleOps(lane, other);
    }

    /** A reply's result in its JSON form (the REST and gRPC answer), or its rejection thrown. */
    static JsonNode result(TupleReply reply) {
        return TupleResultJson.write(reply.orThrow());
    }

    static String opId() {
        return "op-" + UUID.randomUUID();
    }

    TupleOp.Out out(String yool, ObjectNode data) {
        return out(yool, TupleMap.of(1, 1), data, null);
    }

    TupleOp.Out out(String yool, TupleMap map, ObjectNode data, Long leaseMs) {
        return new TupleOp.Out(opId(), lane, authority, yool, map, "test", null, null, data, leaseMs);
    }

    TupleOp.In in(Template template, long timeoutMs) {
        return new TupleOp.In(opId(), lane, authority, template, timeoutMs);
    }

    TupleOp.Rd rd(Template template) {
        return new TupleOp.Rd(opId(), lane, authority, template);
    }

    TupleOp.Scan scan(Long hilbertFrom, Long hilbertTo) {
        return new TupleOp.Scan(opId(), lane, authority, null, hilbertFrom, hilbertTo, 1000);
    }

    /** Materializes the virtual agent at {@code path} as an agent tuple only. */
    TupleOp.Materialize materialize(String receipt, Integer... path) {
        return new TupleOp.Materialize(opId(), lane, authority, receipt, List.of(path), false);
    }

    TupleOp.Hookwall wall(String capability, TupleOp.WallAction action) {
        return new TupleOp.Hookwall(opId(), lane, capability, action);
    }

    static Template data(String key, int value) {
        return new Template(null, null, null, null, null, Json.object().put(key, value));
    }
}
