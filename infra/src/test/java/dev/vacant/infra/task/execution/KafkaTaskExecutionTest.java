package dev.vacant.infra.task.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.tuple.transport.KafkaLaneTransport;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * The task loop over the Kafka lane transport (the in-process KRaft broker of spring-kafka-test, real PostgreSQL):
 * the task's tuple, its take and its result travel as lane commands through Kafka, and the task is approved and
 * rewarded once, as in-process ({@link TaskExecutionTest}).
 */
@EmbeddedKafka(kraft = true, partitions = 4)
@TestPropertySource(properties = {
        "vacant.lanes.transport=kafka",
        "vacant.lanes.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "vacant.lanes.kafka.partitions=4",
        "vacant.lanes.runner-poll-timeout=500ms",
        "vacant.tasks.execution.enabled=true",
        "vacant.tasks.execution.sweeping=false"})
class KafkaTaskExecutionTest extends TaskLoopTestBase {

    @Autowired
    private LaneTransport transport;

    @Test
    void aTask_runsThroughTheKafkaTransport_toApproval_andOneReward() {
        assertThat(transport).isInstanceOf(KafkaLaneTransport.class);
        String vacant = assignee();
        String id = submit(llmTask("Compute the sha256 checksum: hello", vacant, 1_000_000));

        awaitState(id, "APPROVED");
        Polling.awaitUntil("the reward", PATIENCE, () -> grants(vacant) == 1);

        JsonNode output = Json.parse(task(id).text("output"));
        assertThat(output.get("sha256").asText())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(taskKinds(id)).containsExactly("SUBMITTED", "TAKEN", "EXECUTED", "REVIEWED", "REWARD_GRANTED");
        assertThat(entriesOf(vacant, "CALL_RECEIVED")).hasSize(1);
        assertThat(entriesOf(vacant, "REVIEW_RECEIVED")).hasSize(1);
        assertThat(balance(vacant)).isEqualTo(100);
    }
}
