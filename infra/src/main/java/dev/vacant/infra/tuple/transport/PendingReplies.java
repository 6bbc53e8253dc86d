package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.ReplySink;
import dev.vacant.command.tuple.space.TupleReply;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replies a front is waiting for, by {@code op_id}. Sending an op twice while it is pending waits for
 * the same reply; a reply nobody waits for (a duplicate, or one for another front) is dropped.
 */
public final class PendingReplies implements ReplySink {

    private final Map<String, CompletableFuture<TupleReply>> pending = new ConcurrentHashMap<>();

    /** The future of {@code opId}'s reply, and whether this call registered it. */
    public CompletableFuture<TupleReply> await(String opId) {
        return pending.computeIfAbsent(opId, id -> new CompletableFuture<>());
    }

    /** Stops waiting (after a timeout). */
    public void forget(String opId) {
        pending.remove(opId);
    }

    @Override
    public void deliver(EncodedReply reply) {
        CompletableFuture<TupleReply> waiting = pending.remove(reply.opId());
        if (waiting != null) {
            waiting.complete(reply.reply());
        }
    }
}
