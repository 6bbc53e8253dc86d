package dev.vacant.infra.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Task loop settings under {@code vacant.tasks} ({@code docs/tasks.md}): the attempts a task may take. */
@ConfigurationProperties("vacant.tasks")
public record TaskProperties(@DefaultValue("3") int maxAttempts) {
}
