package dev.vacant.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timer poller settings under {@code vacant.timers}: whether the server polls by itself and how often.
 * Tests turn polling off and fire timers explicitly with a moved clock.
 */
@ConfigurationProperties("vacant.timers")
public record TimerProperties(@DefaultValue("true") boolean polling, @DefaultValue("5s") Duration pollInterval) {
}
