package dev.vacant.kernel.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic decomposition ({@code tasks.md} step 3): a task whose prompt is a numbered or bulleted list of at
 * least two steps, or that asks for it ({@code decompose: true}), is split into at most {@code max_subtasks}
 * (default 5) subtasks chained by {@code depends_on}. The same parent (id and spec) always gives the same subtasks:
 * their ids derive from the parent's id, their specs from its spec alone.
 *
 * <p>Steps, the first rule that finds two or more: the list items (lines starting {@code 1.}, {@code 1)}, {@code -},
 * {@code *}, {@code +} or {@code •}; a following line that is not an item continues the item, lines before the first
 * item stay on the parent); then, only under {@code decompose: true}, the paragraphs (blank-line separated), then the
 * sentences. Steps past the cap are joined (by a newline) into the last subtask, so nothing is lost. Fewer than two
 * steps, or a cap below two, leaves the task whole.
 */
public final class Decomposition {

    /** Subtasks of a decomposed task when it does not say ({@code max_subtasks}). */
    public static final int DEFAULT_MAX_SUBTASKS = 5;

    private static final Pattern ITEM = Pattern.compile("^\\s*(?:\\d{1,3}[.)]|[-*+\u2022])\\s+(\\S.*)$");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private Decomposition() {
    }

    /** One subtask: its id and what it runs. */
    public record Subtask(String id, TaskSpec spec) {
    }

    /**
     * The subtasks of {@code parent}, in order, chained (each depends on the one before it, the first on the
     * parent's dependencies), or none: the task runs whole.
     */
    public static List<Subtask> subtasks(String parentId, TaskSpec parent) {
        List<String> steps = capped(steps(parent), maxSubtasks(parent));
        if (steps.size() < 2) {
            return List.of();
        }
        List<Subtask> subtasks = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            List<String> dependsOn = i == 0 ? parent.dependsOn() : List.of(subtasks.get(i - 1).id());
            subtasks.add(new Subtask(subtaskId(parentId, i), new TaskSpec(steps.get(i), parent.mode(),
                    parent.command(), parent.model(), share(parent.minBudgetMicros(), steps.size(), i),
                    share(parent.maxBudgetMicros(), steps.size(), i), parent.intensity(), dependsOn,
                    parent.parallelSafe(), false, null, parent.assignee())));
        }
        return List.copyOf(subtasks);
    }

    /** The id of the {@code index}-th (from 0) subtask of {@code parentId}: a name-based UUID, the same every time. */
    static String subtaskId(String parentId, int index) {
        return TaskId.of(UUID.nameUUIDFromBytes((parentId + "/subtask/" + index).getBytes(StandardCharsets.UTF_8)))
                .value();
    }

    /**
     * The {@code index}-th of {@code parts} shares of {@code totalMicros}: equal integer shares, the remainder going
     * one micro-unit each to the first ones, so the shares add up to the total exactly.
     */
    static long share(long totalMicros, int parts, int index) {
        return totalMicros / parts + (index < totalMicros % parts ? 1 : 0);
    }

    private static int maxSubtasks(TaskSpec spec) {
        return spec.maxSubtasks() == null ? DEFAULT_MAX_SUBTASKS : spec.maxSubtasks();
    }

    /** The prompt's steps by the first rule that finds two or more, else none. */
    static List<String> steps(TaskSpec spec) {
        List<String> items = listItems(spec.prompt());
        if (items.size() >= 2) {
            return items;
        }
        if (!spec.decompose()) {
            return List.of();
        }
        List<String> paragraphs = split(spec.prompt(), PARAGRAPH_BREAK);
        return paragraphs.size() >= 2 ? paragraphs : split(spec.prompt(), SENTENCE_END);
    }

    private static List<String> listItems(String prompt) {
        List<StringBuilder> items = new ArrayList<>();
        for (String line : prompt.split("\\R", -1)) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                items.add(new StringBuilder(item.group(1).strip()));
            } else if (!items.isEmpty() && !line.isBlank()) {
                items.get(items.size() - 1).append('\n').append(line.stripTrailing());
            }
        }
        return items.stream().map(StringBuilder::toString).toList();
    }

    private static List<String> split(String prompt, Pattern separator) {
        return separator.splitAsStream(prompt.strip()).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** At most {@code cap} steps, the ones past it joined into the last; a cap below two leaves the task whole. */
    private static List<String> capped(List<String> steps, int cap) {
        if (cap < 2) {
            return List.of();
        }
        if (steps.size() <= cap) {
            return steps;
        }
        List<String> capped = new ArrayList<>(steps.subList(0, cap - 1));
        capped.add(String.join("\n", steps.subList(cap - 1, steps.size())));
        return capped;
    }
}
