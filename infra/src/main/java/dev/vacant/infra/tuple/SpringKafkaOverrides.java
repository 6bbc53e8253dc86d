package dev.vacant.infra.tuple;

import dev.vacant.infra.tuple.transport.KafkaLaneClients;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;

/**
 * The Kafka client properties an operator set under {@code spring.kafka.*} (bootstrap servers, security protocol,
 * SASL, TLS trust and key stores or an SSL bundle, client id, {@code spring.kafka.properties.*} and the per-client
 * sections): what Spring Boot builds from the bound settings, less what it builds from no settings at all. Boot's
 * own defaults (say {@code isolation.level=read_uncommitted}, {@code localhost:9092}) thus never replace the lane
 * transport's; a setting equal to Boot's default is not seen as set.
 */
final class SpringKafkaOverrides {

    private SpringKafkaOverrides() {
    }

    static KafkaLaneClients.Overrides of(KafkaProperties set, SslBundles bundles) {
        KafkaProperties unset = new KafkaProperties();
        return new KafkaLaneClients.Overrides(
                minus(set.buildProducerProperties(bundles), unset.buildProducerProperties(bundles)),
                minus(set.buildConsumerProperties(bundles), unset.buildConsumerProperties(bundles)),
                minus(set.buildAdminProperties(bundles), unset.buildAdminProperties(bundles)));
    }

    private static Map<String, Object> minus(Map<String, Object> built, Map<String, Object> defaults) {
        Map<String, Object> set = new HashMap<>(built);
        set.entrySet().removeIf(entry -> Objects.equals(entry.getValue(), defaults.get(entry.getKey())));
        return set;
    }
}
