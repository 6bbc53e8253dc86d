package dev.vacant.kernel.task.skill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The route recorded on a task ({@code tasks.md} step 4): {@code tool} (a local skill, named, with the routing
 * confidence in thousandths), {@code llm}, or {@code local} (an allowlisted command).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolRoute(String toolRoute, String toolName, Integer toolConfidenceMilli) {

    public static final ToolRoute LLM = new ToolRoute("llm", null, null);
    public static final ToolRoute LOCAL = new ToolRoute("local", null, null);

    public static ToolRoute tool(String name, int confidenceMilli) {
        return new ToolRoute("tool", name, confidenceMilli);
    }
}
