package dev.vacant.infra.tuple;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which lanes are execution lanes and how the {@code LaneRunner} takes their tuples, under {@code vacant.lanes}.
 *
 * @param executionLanes    the lanes whose tuples are run (their results go to {@code <lane>.results}, hence at
 *                          most 56 characters); empty: no runner
 * @param runnerPollTimeout how long one take waits for a tuple, also the pause after a failed take
 * @param runnerStopTimeout the longest a stopping runner waits for its takes and running tasks
 */
@Validated
@ConfigurationProperties("vacant.lanes")
public record LaneRunnerProperties(
        @DefaultValue("tasks") @NotNull List<@Pattern(regexp = "[a-z0-9._-]{1,56}") String> executionLanes,
        @DefaultValue("5s") Duration runnerPollTimeout,
        @DefaultValue("30s") Duration runnerStopTimeout) {
}
