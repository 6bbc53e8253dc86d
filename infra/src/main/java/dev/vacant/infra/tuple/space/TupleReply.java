package dev.vacant.infra.tuple.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;

/**
 * The answer to one op: a result or an error code with its message. Results of applied ops are stored
 * with the op, so a redelivered op gets the very same reply.
 */
public record TupleReply(String opId, JsonNode result, ErrorCode error, String message) {

    public static TupleReply ok(String opId, JsonNode result) {
        return new TupleReply(opId, result, null, null);
    }

    public static TupleReply rejected(String opId, VacantException rejection) {
        return new TupleReply(opId, null, rejection.code(), rejection.getMessage());
    }

    /** The result, or the rejection rethrown as a {@link VacantException}. */
    public JsonNode orThrow() {
        if (error != null) {
            throw new VacantException(error, message);
        }
        return result;
    }
}
