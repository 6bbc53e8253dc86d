package dev.vacant.infra.task;

import dev.vacant.kernel.task.GateSettings;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Task loop settings under {@code vacant.tasks} ({@code docs/tasks.md}): the attempts a task may take and the
 * preflight gate's whitelist, per-task budget cap (micro-units), prompt limit (UTF-8 bytes), local mode switch
 * and command allowlist, the confidence (thousandths) a skill needs to take a prompt from the LLM, and each controller's spending limit
 * (micro-units, 0 for none). Secure by default: no model and no command is allowed until configured.
 */
@ConfigurationProperties("vacant.tasks")
public record TaskProperties(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("") Set<String> allowedModels,
        @DefaultValue("10000000") long perTaskCapMicros,
        @DefaultValue("65536") int maxPromptBytes,
        @DefaultValue("false") boolean localEnabled,
        @DefaultValue("") Set<String> allowedCommands,
        @DefaultValue("1000") int routingThresholdMilli,
        @DefaultValue("0") long spendingLimitMicros) {

    /** The gate these settings describe. */
    public GateSettings gate() {
        return new GateSettings(allowedModels, perTaskCapMicros, maxPromptBytes, localEnabled, allowedCommands);
    }
}
