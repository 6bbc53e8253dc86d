package dev.vacant.infra.tuple;

import dev.vacant.command.tuple.space.CompositeTrees;
import dev.vacant.command.tuple.space.FrontCheck;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.infra.tuple.transport.KafkaReplyPublisher;
import dev.vacant.infra.tuple.transport.PendingReplies;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The Kafka transport ({@code vacant.lanes.transport=kafka}, on in profile {@code production}): ops on
 * {@code vacant.tuple.commands} keyed by lane, replies on {@code vacant.tuple.replies} keyed by op_id, this instance's
 * lane worker in the consumer group. Every client takes the {@code spring.kafka.*} client properties set
 * ({@link SpringKafkaOverrides}) on top of the transport's defaults. Spring Boot's Kafka auto-configuration is
 * excluded, so nothing touches a broker with the in-process default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vacant.lanes.transport", havingValue = "kafka")
@EnableConfigurationProperties(KafkaProperties.class)
public class KafkaLaneConfiguration {

    @Bean(destroyMethod = "close")
    KafkaLaneClients kafkaLaneClients(LaneProperties properties, KafkaProperties kafka,
                                      ObjectProvider<SslBundles> sslBundles) {
        return new KafkaLaneClients(properties.kafka().bootstrapServers(),
                SpringKafkaOverrides.of(kafka, sslBundles.getIfAvailable()));
    }

    @Bean
    KafkaAdmin kafkaAdmin(KafkaLaneClients clients) {
        return new KafkaAdmin(clients.adminConfig());
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
    KafkaTemplate<String, String> tupleKafkaTemplate(KafkaLaneClients clients) {
        return clients.template();
    }

    @Bean
    KafkaLaneTransport laneTransport(KafkaTemplate<String, String> tupleKafkaTemplate, PendingReplies replies,
                                     LaneProperties properties) {
        return new KafkaLaneTransport(tupleKafkaTemplate, properties.kafka().commandsTopic(), replies,
                properties.replyTimeout());
    }

    /** The hookwall is checked before an op is produced: a refused op leaves no record on the commands topic. */
    @Bean
    FrontCheck frontCheck(TupleStore store, CompositeTrees trees) {
        return FrontCheck.walls(store, trees);
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

    /** The backlog of this instance's lane worker: the consumer lag of the command partitions it owns. */
    @Bean
    MeterBinder laneBacklogMetric(ConcurrentMessageListenerContainer<String, String> laneWorkerContainer) {
        return LaneBacklog.gauge(() -> ConsumerLag.of(laneWorkerContainer));
    }

    @Bean(destroyMethod = "close")
    AdminClient laneBrokerAdmin(KafkaLaneClients clients) {
        return AdminClient.create(clients.adminConfig());
    }

    /** Health contributor {@code broker}: the cluster answers. */
    @Bean
    HealthIndicator brokerHealthIndicator(AdminClient laneBrokerAdmin, LaneProperties properties) {
        return new BrokerHealth(laneBrokerAdmin, properties.replyTimeout());
    }
}
