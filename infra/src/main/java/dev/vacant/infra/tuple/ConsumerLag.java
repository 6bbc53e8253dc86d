package dev.vacant.infra.tuple;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The records a container's consumers have yet to read: the sum of their per-partition {@code records-lag}. */
final class ConsumerLag {

    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final String RECORDS_LAG = "records-lag";

    private ConsumerLag() {
    }

    /** 0 while the consumers own no partition or have not fetched yet. */
    static long of(MessageListenerContainer container) {
        return container.metrics().values().stream()
                .flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> isPartitionLag(metric.getKey()))
                .map(Map.Entry::getValue)
                .mapToLong(ConsumerLag::records)
                .sum();
    }

    private static boolean isPartitionLag(MetricName name) {
        return GROUP.equals(name.group()) && RECORDS_LAG.equals(name.name()) && name.tags().containsKey("partition");
    }

    private static long records(Metric metric) {
        return metric.metricValue() instanceof Number lag && !Double.isNaN(lag.doubleValue()) ? lag.longValue() : 0;
    }
}
