package dev.vacant.kernel.task;

import dev.vacant.kernel.error.ErrorCode;
import java.util.Optional;
import java.util.stream.Stream;

/** The preflight safety gate: every {@link PreflightPolicy} in order; the first rejection is the reason recorded. */
public record PreflightGate(GateSettings settings) {

    /** The reason {@code spec} is REJECTED under {@code mode}, or empty when it may run. */
    public Optional<ErrorCode> rejection(TaskSpec spec, ControlMode mode) {
        return Stream.of(PreflightPolicy.values())
                .map(policy -> policy.check(spec, settings, mode))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
