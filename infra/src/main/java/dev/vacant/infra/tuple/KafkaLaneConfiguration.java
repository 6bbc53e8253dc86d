package dev.vacant.infra.tuple;

import dev.vacant.infra.tuple.space.LaneWorker;
import dev.vacant.infra.tuple.space.TupleSpace;
import dev.vacant.infra.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaReplyPublisher;
import dev.vacant.infra.tuple.transport.PendingReplies;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

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
    KafkaLaneClients kafkaLaneClients(LaneProperties properties) {
        return new KafkaLaneClients(properties.kafka().bootstrapServers());
    }

    @Bean
    KafkaTemplate<String, String> tupleKafkaTemplate(KafkaLaneClients clients) {
        return clients.template();
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
        return new LaneWorker(space, store, new KafkaReplyPublisher(tupleKafkaTemplate, properties.kafka().repliesTopic()),
                properties.deployment());
    }

    /** This instance's lane worker in the consumer group. */
    @Bean
    ConcurrentMessageListenerContainer<String, String> laneWorkerContainer(KafkaLaneClients clients, LaneWorker worker,
                                                                           LaneProperties properties) {
        LaneProperties.Kafka kafka = properties.kafka();
        ConcurrentMessageListenerContainer<String, String> workers = clients.workerContainer(worker,
                kafka.commandsTopic(), kafka.groupId(), kafka.concurrency(), kafka.maxPollRecords());
        workers.setBeanName("laneWorkerContainer");
        return workers;
    }

    /** This front's reply consumer. */
    @Bean
    ConcurrentMessageListenerContainer<String, String> laneReplyContainer(KafkaLaneClients clients,
                                                                          KafkaLaneTransport transport,
                                                                          LaneProperties properties) {
        ConcurrentMessageListenerContainer<String, String> replies = clients.replyContainer(transport,
                properties.kafka().repliesTopic());
        replies.setBeanName("laneReplyContainer");
        return replies;
    }
}
