package dev.vacant.infra.task.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.task.TaskAssignment;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.command.tuple.lane.ScriptedProvider;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.Intensity;
import dev.vacant.kernel.task.PriceTable;
import dev.vacant.kernel.task.QualityGate;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.skill.ToolRoute;
import dev.vacant.kernel.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review: refusals, the quality gate, then the optional critic through the guarded provider. */
class TaskReviewerTest {

    private static final TaskAssignment TASK = new TaskAssignment("task_1", 1, new TaskSpec("Write a haiku",
            TaskMode.LLM, null, "m", 0, 1_000_000, Intensity.LOW, null, false, false, null, null), ToolRoute.LLM, 0);

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedProvider critic = new ScriptedProvider("critic");
    private final LlmCalls calls = new LlmCalls(new ProviderGuard(new ProviderGuard.Policy(0, Duration.ofMillis(1),
            Duration.ofMillis(1), 0.25, 5, Duration.ofSeconds(30)), new MutableClock(Instant.EPOCH), retries), critic,
            new PriceTable(Map.of()));
    private final TaskReviewer reviewer = new TaskReviewer(QualityGate.DEFAULT, calls, "RUBRIC");

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    private static JsonNode answer(String content) {
        return Json.object().put("content", content);
    }

    @Test
    void anExecutionRefusedForGood_failsWithItsCode_withoutTheCritic() {
        QualityGate.Verdict verdict = reviewer.review(TASK, TaskOutput.refused(ErrorCode.COMMAND_NOT_ALLOWED, "no"));

        assertThat(verdict).isEqualTo(new QualityGate.Verdict(ReviewVerdict.FAILED, "COMMAND_NOT_ALLOWED"));
        assertThat(critic.calls()).isZero();
    }

    @Test
    void anOutputTheGateRefuses_isRequeuedWithItsReason_withoutTheCritic() {
        QualityGate.Verdict verdict = reviewer.review(TASK, TaskOutput.free("Traceback (most recent call last): x"));

        assertThat(verdict).isEqualTo(new QualityGate.Verdict(ReviewVerdict.REQUEUED, "ERROR_MARKER"));
        assertThat(critic.calls()).isZero();
    }

    @Test
    void theCritic_seesTheRubricTheTaskAndTheOutput_andItsApprovalKeepsTheGatesVerdict() {
        critic.then(() -> answer("APPROVED. Five, seven, five."));

        QualityGate.Verdict verdict = reviewer.review(TASK, TaskOutput.free("an old silent pond"));

        assertThat(verdict).isEqualTo(new QualityGate.Verdict(ReviewVerdict.APPROVED, "PASSED"));
        JsonNode request = critic.lastData();
        assertThat(request.get("model").asText()).isEqualTo("m");
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/0/content").asText()).isEqualTo("RUBRIC");
        assertThat(request.at("/messages/1/content").asText()).contains("Write a haiku", "an old silent pond");
    }

    @Test
    void anyOtherCriticAnswer_requeues() {
        critic.then(() -> answer("REQUEUED: not a haiku"));

        assertThat(reviewer.review(TASK, TaskOutput.free("a pond")))
                .isEqualTo(new QualityGate.Verdict(ReviewVerdict.REQUEUED, "CRITIC"));
    }

    @Test
    void aFailedCriticCall_requeues() {
        critic.failing(1, () -> ProviderException.status("critic", 400));

        assertThat(reviewer.review(TASK, TaskOutput.free("a pond")))
                .isEqualTo(new QualityGate.Verdict(ReviewVerdict.REQUEUED, "CRITIC_UNAVAILABLE"));
    }

    @Test
    void withoutACritic_theGateDecidesAlone() {
        assertThat(new TaskReviewer(QualityGate.DEFAULT, null, "RUBRIC").review(TASK, TaskOutput.free("a pond")))
                .isEqualTo(new QualityGate.Verdict(ReviewVerdict.APPROVED, "PASSED"));
        assertThat(critic.calls()).isZero();
    }

    @Test
    void refusedAndFailedOutputs_areErrorLines_cleanedForASignedEntry() {
        assertThat(TaskOutput.failed(ErrorCode.PROVIDER_FAILED, "down\u0000", 0).output())
                .isEqualTo("error: PROVIDER_FAILED: down\uFFFD");
        assertThat(TaskOutput.refused(ErrorCode.NOT_FOUND, "x").refusal()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
