package dev.vacant.infra.tuple;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/** The lane contract over Kafka: the in-process KRaft broker of spring-kafka-test, real PostgreSQL. */
@EmbeddedKafka(kraft = true, partitions = 4)
@TestPropertySource(properties = {
        "vacant.lanes.transport=kafka",
        "vacant.lanes.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "vacant.lanes.kafka.partitions=4"})
class KafkaLaneContractTest extends TupleLaneContract {
}
