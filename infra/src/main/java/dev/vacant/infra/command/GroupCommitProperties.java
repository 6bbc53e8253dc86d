package dev.vacant.infra.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group commit of commands under {@code vacant.commands.group-commit}: on by default, with {@code lanes}
 * dispatcher threads each committing up to {@code max-batch} queued commands in one transaction, and a command
 * that meets a write conflict (another node appended first) running again up to {@code conflict-retries} times.
 */
@ConfigurationProperties("vacant.commands.group-commit")
public record GroupCommitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int lanes,
                                    @DefaultValue("64") int maxBatch, @DefaultValue("3") int conflictRetries) {
}
