package dev.vacant.infra.web.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.task.Intensity;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/** Request bodies of the task endpoints (snake_case JSON; unknown fields are rejected). */
public final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * A task as {@code tasks.md} describes it, money in integer micro-units. Shape only: limits of the deployment
     * (model whitelist, budget cap, prompt size, command allowlist) are the preflight gate's, recorded on the task.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskBody(@NotNull String prompt, @NotNull @Pattern(regexp = "llm|local") String mode,
                           @Size(max = 64) List<@NotNull @Size(max = 4096) String> command,
                           @Size(max = 128) String model,
                           @NotNull @PositiveOrZero Long minBudgetMicros, @NotNull @PositiveOrZero Long maxBudgetMicros,
                           @Pattern(regexp = "low|medium|high") String intensity,
                           @Size(max = 64) List<@NotNull String> dependsOn, Boolean parallelSafe, Boolean decompose,
                           @Min(1) @Max(20) Integer maxSubtasks, String assignee) {

        TaskSpec toSpec() {
            String vacant = assignee == null ? null : VacantRequests.vacantId("assignee", assignee).value();
            List<String> dependencies = dependsOn == null ? List.of()
                    : dependsOn.stream().map(id -> TaskService.taskId("depends_on", id)).toList();
            return new TaskSpec(prompt, TaskMode.valueOf(mode.toUpperCase(Locale.ROOT)), command, model,
                    minBudgetMicros, maxBudgetMicros,
                    intensity == null ? Intensity.MEDIUM : Intensity.valueOf(intensity.toUpperCase(Locale.ROOT)),
                    dependencies, Boolean.TRUE.equals(parallelSafe), Boolean.TRUE.equals(decompose), maxSubtasks, vacant);
        }
    }
}
