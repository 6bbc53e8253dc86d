package dev.vacant.command.tuple.gateway;

import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.concurrent.CompletableFuture;

/**
 * Carries ops to the lane workers, ordered per lane, and brings their replies back (the transport port). Adapters
 * in infra: in-process ({@code InProcessLaneTransport}, the embedded default) and Kafka ({@code KafkaLaneTransport}).
 */
public interface LaneTransport {

    /** Sends {@code op}; the future completes with its reply. */
    CompletableFuture<TupleReply> send(TupleOp op);
}
