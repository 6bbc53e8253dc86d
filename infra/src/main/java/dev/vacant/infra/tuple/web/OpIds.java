package dev.vacant.infra.tuple.web;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.TupleIds;
import dev.vacant.kernel.tuple.TupleRules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The op id a request's op runs under. A client's {@code op_id} is scoped to the principal that sent it (a
 * controller, or an operator): the op id stored and compared is {@code p.} and the BLAKE2b-256 (base64url) of role,
 * principal and {@code op_id}, so the same {@code op_id} from another principal is another op, and no stored reply
 * ever answers another principal. A request without {@code op_id} gets a fresh UUIDv7.
 */
public class OpIds {

    private static final String SCOPED = "p.";

    private final TupleIds ids;

    public OpIds(TupleIds ids) {
        this.ids = ids;
    }

    /** {@code opId} (checked: {@code VALIDATION_FAILED}) scoped to {@code actor}, or a fresh one when absent. */
    public String scoped(Actor actor, String opId) {
        if (opId == null) {
            return fresh();
        }
        TupleRules.opId(opId);
        byte[] key = Json.write(List.of(actor.role().name(), actor.principal(), opId)).getBytes(StandardCharsets.UTF_8);
        return SCOPED + Base64Url.encode(Blake2b.digest256(key));
    }

    /** A fresh op id, for ops no client names. */
    public String fresh() {
        return ids.next().toString();
    }
}
