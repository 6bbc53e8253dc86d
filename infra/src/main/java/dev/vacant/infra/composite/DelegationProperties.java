package dev.vacant.infra.composite;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vacant.composites.delegation-timeout}: how long a delegation waits for its answer when the request names
 * no {@code timeout_ms} (1 ms to 1 day; default 1 hour).
 */
@Validated
@ConfigurationProperties("vacant.composites")
public record DelegationProperties(@DefaultValue("1h") @NotNull @DurationMin(millis = 1) @DurationMax(days = 1)
                                   Duration delegationTimeout) {
}
