package dev.vacant.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timer poller settings under {@code vacant.timers}: whether the server polls by itself, how often, and how long a
 * poller's claim on the timers it fires keeps other instances' pollers off them. Tests turn polling off and fire
 * timers explicitly with a moved clock.
 */
@ConfigurationProperties("vacant.timers")
public record TimerProperties(@DefaultValue("true") boolean polling, @DefaultValue("5s") Duration pollInterval,
                              @DefaultValue("60s") Duration claimLease) {
}
