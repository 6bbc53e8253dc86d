package dev.vacant.infra.task.execution;

import dev.vacant.kernel.task.PriceTable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this instance executes tasks, under {@code vacant.tasks.execution} ({@code docs/tasks.md}, Execution).
 *
 * @param enabled          whether queued tasks are put on the lane and its workers run them
 * @param lane             the execution lane of the tasks (one of {@code vacant.lanes.execution-lanes})
 * @param lease            how long a worker holds a task it took; a lapsed lease queues it again
 * @param sweeping         whether the sweeper runs on its own (tests call it)
 * @param sweepInterval    how often lapsed leases are expired and queued tasks without a tuple put back on the lane
 * @param workingDirectory where {@code local} commands run (default: the JVM's temporary directory)
 * @param commandTimeout   how long a {@code local} command may run before it is killed
 * @param outputCapBytes   the most output bytes of a {@code local} command that are kept
 * @param prices           LLM prices by model, micro-units per million tokens (a model without a price is free)
 * @param criticEnabled    whether an output the quality gate passed also goes to the critic (an LLM call)
 * @param criticRubric     the critic's instructions, which ask for APPROVED or REQUEUED first (default
 *                         {@link #DEFAULT_RUBRIC})
 */
@Validated
@ConfigurationProperties("vacant.tasks.execution")
public record TaskExecutionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("tasks") @Pattern(regexp = "[a-z0-9._-]{1,56}") String lane,
        @DefaultValue("60s") @NotNull Duration lease,
        @DefaultValue("true") boolean sweeping,
        @DefaultValue("5s") @NotNull Duration sweepInterval,
        String workingDirectory,
        @DefaultValue("30s") @NotNull Duration commandTimeout,
        @DefaultValue("65536") @Min(1) int outputCapBytes,
        Map<String, PriceTable.ModelPrice> prices,
        @DefaultValue("false") boolean criticEnabled,
        String criticRubric) {

    /** The critic's default rubric. */
    public static final String DEFAULT_RUBRIC = "You review the output of a task. Answer APPROVED when the output"
            + " fulfils the task completely and correctly, else REQUEUED, then one line of reasons.";

    /** The critic's rubric in force. */
    public String rubric() {
        return criticRubric == null || criticRubric.isBlank() ? DEFAULT_RUBRIC : criticRubric;
    }

    /** The price table of these settings. */
    public PriceTable priceTable() {
        return new PriceTable(prices == null ? Map.of() : prices);
    }
}
