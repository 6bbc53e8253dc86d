package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.space.LaneWorker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.CommonClientConfigs;
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
 * and the benchmark: the producer, lane-worker containers, a front's reply container and the admin settings. Each
 * client starts from this transport's defaults and takes the operator's {@link Overrides} on top (security
 * protocol, SASL, TLS stores, client ids, tuning), except what the transport's correctness rests on: the group of a
 * front's reply consumer, offsets committed by the container, keys and values as strings. Closing it closes every
 * producer it built.
 */
public final class KafkaLaneClients implements AutoCloseable {

    private static final int FETCH_MAX_WAIT_MS = 20;
    /** The client id prefix when the operator sets none. */
    private static final String DEFAULT_CLIENT_ID = "vacant";

    private final String bootstrapServers;
    private final Overrides overrides;
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new CopyOnWriteArrayList<>();

    /**
     * Client properties the operator set, per kind of client ({@code spring.kafka.*} in the application), laid over
     * the transport's defaults.
     */
    public record Overrides(Map<String, Object> producer, Map<String, Object> consumer, Map<String, Object> admin) {
        /** No overrides: the defaults alone. */
        public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of());

        public Overrides {
            producer = Map.copyOf(producer);
            consumer = Map.copyOf(consumer);
            admin = Map.copyOf(admin);
        }
    }

    public KafkaLaneClients(String bootstrapServers) {
        this(bootstrapServers, Overrides.NONE);
    }

    public KafkaLaneClients(String bootstrapServers, Overrides overrides) {
        this.bootstrapServers = bootstrapServers;
        this.overrides = overrides;
    }

    /** The producer of commands and replies: acknowledged by all replicas, idempotent. */
    public KafkaTemplate<String, String> template() {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1));
        config.putAll(overrides.producer());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config);
        producers.add(factory);
        return new KafkaTemplate<>(factory);
    }

    /** The settings of an admin client of the cluster (topic creation, the broker's health). */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        config.putAll(overrides.admin());
        return config;
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
        container.setClientId(clientId("lane-worker"));
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
        container.setClientId(clientId("lane-replies"));
        return new ConcurrentMessageListenerContainer<>(
                consumers("vacant-tuple-front-" + UUID.randomUUID(), "latest", 500), container);
    }

    /** Closes the producers built here (a producer left open would outlive its application). */
    @Override
    public void close() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        producers.clear();
    }

    /** {@code <client id>-<role>}: the operator's {@code client.id} (else {@value #DEFAULT_CLIENT_ID}) and the role. */
    private String clientId(String role) {
        return overrides.consumer().getOrDefault(CommonClientConfigs.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID) + "-" + role;
    }

    /**
     * A fetch waits at most {@link #FETCH_MAX_WAIT_MS} for data by default: with Kafka's 500 ms default, the ops of a
     * single busy lane (one partition) arrived in bursts about half a second apart.
     */
    private DefaultKafkaConsumerFactory<String, String> consumers(String groupId, String reset, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        config.putAll(overrides.consumer());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<>(config);
    }
}
