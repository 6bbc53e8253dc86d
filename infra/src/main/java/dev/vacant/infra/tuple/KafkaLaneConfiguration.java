package dev.vacant.infra.tuple;

import dev.vacant.infra.tuple.space.LaneWorker;
import dev.vacant.infra.tuple.space.TupleSpace;
import dev.vacant.infra.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaLaneWorkerListener;
import dev.vacant.infra.tuple.transport.KafkaReplyPublisher;
import dev.vacant.infra.tuple.transport.PendingReplies;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The Kafka transport ({@code vacant.lanes.transport=kafka}): ops on {@code vacant.tuple.commands} keyed by lane,
 * replies on {@code vacant.tuple.replies} keyed by op_id, this instance's lane worker in the consumer group.
 * Spring Boot's Kafka auto-configuration is excluded, so nothing touches a broker with the in-process default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vacant.lanes.transport", havingValue = "kafka")
public class KafkaLaneConfiguration {

    @Bean
    KafkaAdmin kafkaAdmin(LaneProperties properties) {
        return new KafkaAdmin(Map.of("bootstrap.servers", properties.kafka().bootstrapServers()));
    }

    @Bean
    NewTopic tupleCommandsTopic(LaneProperties properties) {
        return TopicBuilder.name(properties.kafka().commandsTopic()).partitions(properties.kafka().partitions()).build();
    }

    @Bean
    NewTopic tupleRepliesTopic(LaneProperties properties) {
        return TopicBuilder.name(properties.kafka().repliesTopic()).partitions(properties.kafka().partitions()).build();
    }

    @Bean
    KafkaTemplate<String, String> tupleKafkaTemplate(LaneProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    @Bean
    KafkaLaneTransport laneTransport(KafkaTemplate<String, String> tupleKafkaTemplate, PendingReplies replies,
                                     LaneProperties properties) {
        return new KafkaLaneTransport(tupleKafkaTemplate, properties.kafka().commandsTopic(), replies,
                properties.replyTimeout());
    }

    @Bean
    LaneWorker laneWorker(TupleSpace space, TupleStore store, KafkaTemplate<String, String> tupleKafkaTemplate,
                          LaneProperties properties) {
        return new LaneWorker(space, store, new KafkaReplyPublisher(tupleKafkaTemplate, properties.kafka().repliesTopic()));
    }

    /** The lane worker's consumer: batches of one poll, offsets committed after the listener (and its DB commit). */
    @Bean
    ConcurrentMessageListenerContainer<String, String> laneWorkerContainer(LaneWorker worker, LaneProperties properties) {
        LaneProperties.Kafka kafka = properties.kafka();
        ContainerProperties container = new ContainerProperties(kafka.commandsTopic());
        KafkaLaneWorkerListener listener = new KafkaLaneWorkerListener(worker);
        container.setMessageListener(listener);
        container.setConsumerRebalanceListener(listener);
        container.setAckMode(AckMode.BATCH);
        ConcurrentMessageListenerContainer<String, String> workers = new ConcurrentMessageListenerContainer<>(
                consumers(kafka, kafka.groupId(), "earliest", kafka.maxPollRecords()), container);
        workers.setConcurrency(kafka.concurrency());
        workers.setBeanName("laneWorkerContainer");
        return workers;
    }

    /** This front's reply consumer: its own group, reading every reply partition from the end. */
    @Bean
    ConcurrentMessageListenerContainer<String, String> laneReplyContainer(KafkaLaneTransport transport,
                                                                          LaneProperties properties) {
        LaneProperties.Kafka kafka = properties.kafka();
        ContainerProperties container = new ContainerProperties(kafka.repliesTopic());
        container.setMessageListener(transport);
        container.setConsumerRebalanceListener(transport);
        ConcurrentMessageListenerContainer<String, String> replies = new ConcurrentMessageListenerContainer<>(
                consumers(kafka, "vacant-tuple-front-" + UUID.randomUUID(), "latest", 500), container);
        replies.setBeanName("laneReplyContainer");
        return replies;
    }

    private static DefaultKafkaConsumerFactory<String, String> consumers(LaneProperties.Kafka kafka, String groupId,
                                                                         String reset, int maxPollRecords) {
        return new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
