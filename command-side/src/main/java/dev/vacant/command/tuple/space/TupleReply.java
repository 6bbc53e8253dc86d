package dev.vacant.command.tuple.space;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.TupleOp;

/**
 * The answer to one op: a typed result or an error code with its message. Results of applied ops are stored
 * with the op, so a redelivered op gets the very same reply; {@code opDigest} ({@link TupleCodec#digest}) tells
 * whether an op arriving with the same op id is that op again.
 */
public record TupleReply(String opId, TupleResult result, ErrorCode error, String message, String opDigest) {

    public static TupleReply ok(TupleOp op, TupleResult result) {
        return new TupleReply(op.opId(), result, null, null, TupleCodec.digest(op));
    }

    public static TupleReply rejected(String opId, VacantException rejection) {
        return new TupleReply(opId, null, rejection.code(), rejection.getMessage(), null);
    }

    /**
     * Whether this stored reply answers {@code op}: the op it was recorded for had the same content (replies
     * stored without a digest answer any op with their op id).
     */
    public boolean answers(TupleOp op) {
        return opDigest == null || opDigest.equals(TupleCodec.digest(op));
    }

    /** The result, or the rejection rethrown as a {@link VacantException}. */
    public TupleResult orThrow() {
        if (error != null) {
            throw new VacantException(error, message);
        }
        return result;
    }
}
