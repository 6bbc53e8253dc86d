package dev.vacant.infra.task.execution;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.task.OutputText;

/**
 * What one execution of a task produced, as its result records it.
 *
 * @param output           the output, cleaned for a signed entry ({@link OutputText})
 * @param costMicros       what it cost (usage x prices), or for a call refused by the budget the least it would have
 * @param promptTokens     the provider's usage figures (0 without a provider call)
 * @param completionTokens idem
 * @param refusal          a reason no further attempt can change (e.g. {@code COMMAND_NOT_ALLOWED}), else null
 */
record TaskOutput(String output, long costMicros, long promptTokens, long completionTokens, ErrorCode refusal) {

    TaskOutput {
        output = OutputText.clean(output);
    }

    /** An output that cost nothing (a local skill or command). */
    static TaskOutput free(String output) {
        return new TaskOutput(output, 0, 0, 0, null);
    }

    /** An execution that failed with {@code code}: its output is an error line the review's gate recognises. */
    static TaskOutput failed(ErrorCode code, String message, long costMicros) {
        return new TaskOutput(errorLine(code, message), costMicros, 0, 0, null);
    }

    /** An execution refused for good with {@code code}: the review fails the task. */
    static TaskOutput refused(ErrorCode code, String message) {
        return new TaskOutput(errorLine(code, message), 0, 0, 0, code);
    }

    private static String errorLine(ErrorCode code, String message) {
        return "error: " + code.name() + ": " + message;
    }
}
