package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which {@code spring.kafka.*} settings reach the lane clients: the ones set, never Boot's own defaults. */
class SpringKafkaOverridesTest {

    private static KafkaLaneClients.Overrides bound(Map<String, String> properties) {
        KafkaProperties kafka = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.kafka", KafkaProperties.class);
        return SpringKafkaOverrides.of(kafka, null);
    }

    @Test
    void setSecurityAndClientSettings_reachEveryClient() {
        KafkaLaneClients.Overrides overrides = bound(Map.of(
                "spring.kafka.bootstrap-servers", "k1:9093",
                "spring.kafka.security.protocol", "SASL_SSL",
                "spring.kafka.properties.sasl.mechanism", "PLAIN",
                "spring.kafka.ssl.trust-store-location", "file:/etc/trust.p12",
                "spring.kafka.client-id", "vacant-a",
                "spring.kafka.consumer.max-poll-records", "200"));

        for (Map<String, Object> client : List.of(overrides.producer(), overrides.consumer(), overrides.admin())) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("client.id", "vacant-a").containsKey("ssl.truststore.location")
                    .containsKey("bootstrap.servers");
        }
        assertThat(overrides.consumer()).containsEntry("max.poll.records", 200);
    }

    @Test
    void nothingSet_overridesNothing_soBootsDefaultsNeverReplaceTheTransports() {
        KafkaLaneClients.Overrides overrides = bound(Map.of());

        assertThat(overrides.producer()).isEmpty();
        assertThat(overrides.consumer()).isEmpty();
        assertThat(overrides.admin()).isEmpty();
    }
}
