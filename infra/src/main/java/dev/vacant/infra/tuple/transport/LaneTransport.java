package dev.vacant.infra.tuple.transport;

import dev.vacant.infra.tuple.space.TupleReply;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.concurrent.CompletableFuture;

/**
 * Carries ops to the lane workers, ordered per lane, and brings their replies back. Adapters: in-process
 * ({@link InProcessLaneTransport}, the embedded default) and Kafka ({@link KafkaLaneTransport}).
 */
public interface LaneTransport {

    /** Sends {@code op}; the future completes with its reply. */
    CompletableFuture<TupleReply> send(TupleOp op);
}
