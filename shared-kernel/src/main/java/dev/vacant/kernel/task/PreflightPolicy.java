package dev.vacant.kernel.task;

import dev.vacant.kernel.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One rule of the preflight safety gate ({@code tasks.md} step 1): a named policy that returns the reason code of
 * a rejection, or empty when the task passes it. {@link PreflightGate} runs them in declaration order.
 */
public enum PreflightPolicy {

    /** HALT engaged: no new work. */
    HALT {
        @Override
        public Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode) {
            return reject(!mode.acceptsWork(), ErrorCode.HALTED);
        }
    },
    /** {@code min_budget > max_budget}, or {@code max_budget} above the per-task cap. */
    BUDGET {
        @Override
        public Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode) {
            return reject(spec.minBudgetMicros() > spec.maxBudgetMicros()
                    || spec.maxBudgetMicros() > settings.perTaskCapMicros(), ErrorCode.BUDGET_INVALID);
        }
    },
    /** The prompt over the size limit (UTF-8 bytes). */
    PROMPT_SIZE {
        @Override
        public Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode) {
            return reject(spec.prompt().getBytes(StandardCharsets.UTF_8).length > settings.maxPromptBytes(),
                    ErrorCode.PROMPT_TOO_LARGE);
        }
    },
    /** An {@code llm} task without a model or whose model is not on the whitelist. */
    MODEL {
        @Override
        public Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode) {
            return reject(spec.mode() == TaskMode.LLM
                    && (spec.model() == null || !settings.allowedModels().contains(spec.model())),
                    ErrorCode.MODEL_NOT_ALLOWED);
        }
    },
    /** A {@code local} task while local mode is disabled, or whose program is not on the allowlist. */
    COMMAND {
        @Override
        public Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode) {
            return reject(spec.mode() == TaskMode.LOCAL && (!settings.localEnabled() || spec.command().isEmpty()
                    || !settings.allowedCommands().contains(spec.command().get(0))), ErrorCode.COMMAND_NOT_ALLOWED);
        }
    };

    /** The reason this policy rejects {@code spec}, if it does. */
    public abstract Optional<ErrorCode> check(TaskSpec spec, GateSettings settings, ControlMode mode);

    private static Optional<ErrorCode> reject(boolean rejected, ErrorCode reason) {
        return rejected ? Optional.of(reason) : Optional.empty();
    }
}
