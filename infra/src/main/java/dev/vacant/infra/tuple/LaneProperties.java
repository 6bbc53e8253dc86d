package dev.vacant.infra.tuple;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuple-space lane settings under {@code vacant.lanes}.
 *
 * @param transport    {@code in-process} (default: no broker needed) or {@code kafka}
 * @param replyTimeout how long a front waits for a reply beyond an {@code in}'s own timeout
 * @param waiterTick   how often waiting {@code in}s are checked against their deadlines (the injected clock)
 * @param reapInterval how often tuples whose lease ran out, and replies past their retention, are deleted
 * @param replyRetention how long a stored reply answers a repeated {@code op_id} (redelivery, a client's retry)
 * @param deployment   the name of this deployment's lane workers: they resume only the waiting {@code in}s persisted
 *                     under it, so deployments that share a database need distinct names
 * @param kafka        the Kafka transport
 */
@Validated
@ConfigurationProperties("vacant.lanes")
public record LaneProperties(
        @DefaultValue("in-process") Transport transport,
        @DefaultValue("10s") Duration replyTimeout,
        @DefaultValue("50ms") Duration waiterTick,
        @DefaultValue("30s") Duration reapInterval,
        @DefaultValue("7d") Duration replyRetention,
        @DefaultValue("default") @NotBlank String deployment,
        @DefaultValue @Valid Kafka kafka) {

    /** Which {@code dev.vacant.command.tuple.gateway.LaneTransport} carries ops. */
    public enum Transport { IN_PROCESS, KAFKA }

    /**
     * @param bootstrapServers the brokers
     * @param commandsTopic    ops, keyed by lane
     * @param repliesTopic     replies, keyed by op_id
     * @param partitions       partitions of both topics when the app creates them
     * @param groupId          the consumer group of the lane workers
     * @param concurrency      consumer threads of this instance's lane worker
     * @param maxPollRecords   the largest batch applied in one transaction
     */
    public record Kafka(
            @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
            @DefaultValue("vacant.tuple.commands") @NotBlank String commandsTopic,
            @DefaultValue("vacant.tuple.replies") @NotBlank String repliesTopic,
            @DefaultValue("16") @Min(1) int partitions,
            @DefaultValue("vacant-lane-workers") @NotBlank String groupId,
            @DefaultValue("1") @Min(1) int concurrency,
            @DefaultValue("500") @Min(1) int maxPollRecords) {
    }
}
