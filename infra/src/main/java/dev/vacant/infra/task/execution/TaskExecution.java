package dev.vacant.infra.task.execution;

import dev.vacant.command.task.TaskAssignment;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.skill.SkillInput;
import dev.vacant.kernel.task.skill.SkillOutput;
import dev.vacant.kernel.task.skill.SkillRegistry;

/**
 * Runs a taken task along the route recorded at its submission: {@code tool} runs the named local skill on the
 * prompt's input, {@code local} the allowlisted command ({@link LocalCommandRunner}), {@code llm} the model
 * ({@link LlmCalls}).
 */
final class TaskExecution {

    private final SkillRegistry skills;
    private final LocalCommandRunner commands;
    private final LlmCalls llm;

    TaskExecution(SkillRegistry skills, LocalCommandRunner commands, LlmCalls llm) {
        this.skills = skills;
        this.commands = commands;
        this.llm = llm;
    }

    TaskOutput run(TaskAssignment task) {
        return switch (routeOf(task)) {
            case "tool" -> tool(task);
            case "local" -> local(task);
            default -> llm.complete(task);
        };
    }

    /** The route's name: {@code tool}, {@code local} or {@code llm}. */
    static String routeOf(TaskAssignment task) {
        return task.route() == null ? "llm" : task.route().toolRoute();
    }

    private TaskOutput tool(TaskAssignment task) {
        String name = task.route().toolName();
        return skills.skill(name).map(skill -> {
            SkillOutput output = skill.run(SkillInput.of(task.spec().prompt()));
            return TaskOutput.free(output.json());
        }).orElseGet(() -> TaskOutput.refused(ErrorCode.NOT_FOUND, "no skill " + name + " on this node"));
    }

    private TaskOutput local(TaskAssignment task) {
        try {
            return TaskOutput.free(commands.run(task.spec().command()).taskOutput());
        } catch (VacantException refused) {
            return TaskOutput.refused(refused.code(), refused.getMessage());
        }
    }
}
