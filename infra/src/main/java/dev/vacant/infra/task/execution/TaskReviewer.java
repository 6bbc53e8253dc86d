package dev.vacant.infra.task.execution;

import dev.vacant.command.task.TaskAssignment;
import dev.vacant.kernel.task.QualityGate;
import dev.vacant.kernel.task.ReviewVerdict;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * The review of an execution ({@code tasks.md} step 6): an output refused for good fails the task with its code;
 * otherwise the {@link QualityGate} decides, and when it passes and the critic is enabled, the critic (an LLM call
 * with the rubric) must answer APPROVED too, else the task is REQUEUED ({@code CRITIC}; {@code CRITIC_UNAVAILABLE}
 * when the call failed).
 */
final class TaskReviewer {

    private final QualityGate gate;
    private final LlmCalls critic;
    private final String rubric;

    /** @param critic the critic's calls, or null for no critic */
    TaskReviewer(QualityGate gate, LlmCalls critic, String rubric) {
        this.gate = gate;
        this.critic = critic;
        this.rubric = rubric;
    }

    QualityGate.Verdict review(TaskAssignment task, TaskOutput output) {
        if (output.refusal() != null) {
            return new QualityGate.Verdict(ReviewVerdict.FAILED, output.refusal().name());
        }
        QualityGate.Verdict verdict = gate.review(output.output());
        if (verdict.verdict() != ReviewVerdict.APPROVED || critic == null) {
            return verdict;
        }
        String answer;
        try {
            answer = critic.critique(task, rubric, output.output());
        } catch (CompletionException e) {
            return new QualityGate.Verdict(ReviewVerdict.REQUEUED, "CRITIC_UNAVAILABLE");
        }
        return answer.strip().toUpperCase(Locale.ROOT).startsWith(ReviewVerdict.APPROVED.name()) ? verdict
                : new QualityGate.Verdict(ReviewVerdict.REQUEUED, "CRITIC");
    }
}
