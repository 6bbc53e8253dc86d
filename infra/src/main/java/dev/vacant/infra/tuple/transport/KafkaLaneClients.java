package dev.vacant.infra.tuple.transport;

import dev.vacant.infra.tuple.space.LaneWorker;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Builds the Kafka clients of the lane transport on one cluster, the same way for the application, the tests
 * and the benchmark: the producer, lane-worker containers and a front's reply container.
 */
public final class KafkaLaneClients {

    private static final int FETCH_MAX_WAIT_MS = 20;

    private final String bootstrapServers;

    public KafkaLaneClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The producer of commands and replies: acknowledged by all replicas, idempotent. */
    public KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    /**
     * {@code worker} as a member of consumer group {@code groupId} on {@code commandsTopic}: each poll (at most
     * {@code maxPollRecords}) is one batch, i.e. one transaction, and its offsets are committed by the container
     * after the listener returned (ack mode BATCH), i.e. after the database commit. The commit is asynchronous: one
     * that is lost only means a redelivery, which the stored replies answer.
     */
    public ConcurrentMessageListenerContainer<String, String> workerContainer(LaneWorker worker, String commandsTopic,
                                                                              String groupId, int concurrency,
                                                                              int maxPollRecords) {
        ContainerProperties container = new ContainerProperties(commandsTopic);
        KafkaLaneWorkerListener listener = new KafkaLaneWorkerListener(worker);
        container.setMessageListener(listener);
        container.setConsumerRebalanceListener(listener);
        container.setAckMode(AckMode.BATCH);
        container.setSyncCommits(false);
        ConcurrentMessageListenerContainer<String, String> workers = new ConcurrentMessageListenerContainer<>(
                consumers(groupId, "earliest", maxPollRecords), container);
        workers.setConcurrency(concurrency);
        return workers;
    }

    /** A front's reply consumer: its own group, reading every reply partition from its end. */
    public ConcurrentMessageListenerContainer<String, String> replyContainer(KafkaLaneTransport transport,
                                                                            String repliesTopic) {
        ContainerProperties container = new ContainerProperties(repliesTopic);
        container.setMessageListener(transport);
        container.setConsumerRebalanceListener(transport);
        return new ConcurrentMessageListenerContainer<>(
                consumers("vacant-tuple-front-" + UUID.randomUUID(), "latest", 500), container);
    }

    /**
     * A fetch waits at most {@link #FETCH_MAX_WAIT_MS} for data: with Kafka's 500 ms default, the ops of a single busy
     * lane (one partition) arrived in bursts about half a second apart.
     */
    private DefaultKafkaConsumerFactory<String, String> consumers(String groupId, String reset, int maxPollRecords) {
        return new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
