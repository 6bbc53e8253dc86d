package dev.vacant.infra.tuple.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class LanePartitionsTest {

    @Test
    void aLanesPartition_isTheOneKafkasDefaultPartitionerPicksForItsName() {
        IntStream.range(0, 200).mapToObj(n -> "lane-" + n).forEach(lane -> IntStream.of(1, 4, 16, 64).forEach(partitions ->
                assertThat(LanePartitions.of(lane, partitions)).isEqualTo(
                        BuiltInPartitioner.partitionForKey(lane.getBytes(StandardCharsets.UTF_8), partitions))));
    }
}
