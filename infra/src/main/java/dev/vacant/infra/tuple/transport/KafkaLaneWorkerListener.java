package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.kernel.tuple.TupleOp;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * A lane worker of the consumer group: applies each poll's commands as one batch (one transaction) and
 * returns, after which the container commits the offsets (ack mode BATCH): offsets always follow the database
 * commit, and a batch redelivered after a crash is answered from the stored replies. Waiting {@code in}s move
 * with their lanes: on assignment (and so on start) the worker resumes the persisted waiters of its lanes; on
 * revocation it drops its copies.
 */
public final class KafkaLaneWorkerListener implements BatchMessageListener<String, String>,
        ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(KafkaLaneWorkerListener.class);

    private final LaneWorker worker;

    public KafkaLaneWorkerListener(LaneWorker worker) {
        this.worker = worker;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        List<TupleOp> ops = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                ops.add(TupleCodec.op(record.value()));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                log.error("Skipping an undecodable tuple command at {}-{}@{}", record.topic(), record.partition(),
                        record.offset(), e);
            }
        }
        worker.apply(ops);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        worker.resumeWaiters(LanePartitions.lanesIn(consumer, partitions));
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        worker.forgetWaiters(LanePartitions.lanesIn(consumer, partitions));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        worker.forgetWaiters(LanePartitions.lanesIn(consumer, partitions));
    }
}
