package dev.vacant.kernel.task;

import java.util.Set;

/**
 * What the preflight gate checks against: the model whitelist, the per-task budget cap in micro-units, the prompt
 * size limit in UTF-8 bytes, whether local mode is enabled and the allowlisted local programs ({@code argv[0]}).
 */
public record GateSettings(Set<String> allowedModels, long perTaskCapMicros, int maxPromptBytes,
                           boolean localEnabled, Set<String> allowedCommands) {

    public GateSettings {
        allowedModels = Set.copyOf(allowedModels);
        allowedCommands = Set.copyOf(allowedCommands);
        if (perTaskCapMicros < 0 || maxPromptBytes < 1) {
            throw new IllegalArgumentException("the per-task cap is non-negative and the prompt limit positive");
        }
    }
}
