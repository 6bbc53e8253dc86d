package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListener;

/**
 * The Kafka front: sends each op to the commands topic keyed by its lane (one lane, one partition, total
 * order) and completes it from the replies topic, keyed by {@code op_id}. Every front reads all reply
 * partitions from their end (its own consumer group); it sends nothing before its reply consumer has its
 * partitions and their end positions, so no reply to its ops can be missed.
 */
public final class KafkaLaneTransport implements LaneTransport, MessageListener<String, String>,
        ConsumerAwareRebalanceListener {

    private final KafkaTemplate<String, String> kafka;
    private final String commandsTopic;
    private final PendingReplies replies;
    private final Duration readyTimeout;
    private final CountDownLatch ready = new CountDownLatch(1);

    public KafkaLaneTransport(KafkaTemplate<String, String> kafka, String commandsTopic, PendingReplies replies,
                              Duration readyTimeout) {
        this.kafka = kafka;
        this.commandsTopic = commandsTopic;
        this.replies = replies;
        this.readyTimeout = readyTimeout;
    }

    @Override
    public CompletableFuture<TupleReply> send(TupleOp op) {
        awaitReady();
        CompletableFuture<TupleReply> reply = replies.await(op.opId());
        kafka.send(commandsTopic, op.lane(), TupleCodec.write(op)).whenComplete((sent, failure) -> {
            if (failure != null) {
                replies.forget(op.opId());
                reply.completeExceptionally(failure);
            }
        });
        return reply;
    }

    /** A reply from any lane worker. */
    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        replies.deliver(EncodedReply.decode(record.value()));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        ready.countDown();
    }

    private void awaitReady() {
        try {
            if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new VacantException(ErrorCode.INTERNAL, "the tuple reply channel is not ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VacantException(ErrorCode.INTERNAL, "interrupted");
        }
    }
}
