package dev.vacant.infra.tuple.transport;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which lanes a set of command partitions holds: a lane's ops are keyed by its name, so Kafka's default
 * partitioner puts them in partition {@code murmur2(utf8(lane)) mod partitions}.
 */
final class LanePartitions {

    private LanePartitions() {
    }

    static int of(String lane, int partitions) {
        return Utils.toPositive(Utils.murmur2(lane.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The lanes whose commands are in {@code partitions} (all of one topic, as the consumer sees it). */
    static Predicate<String> lanesIn(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return lane -> false;
        }
        String topic = partitions.iterator().next().topic();
        int count = consumer.partitionsFor(topic).size();
        Set<Integer> held = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        return lane -> held.contains(of(lane, count));
    }
}
