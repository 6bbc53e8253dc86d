package dev.vacant.kernel.task;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id of a task: {@code task_} + a lowercase UUID. It names the task's signed chain. */
public record TaskId(String value) {

    public static final String PREFIX = "task_";
    private static final Pattern FORM = Pattern.compile("task_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TaskId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a task id is task_ followed by a lowercase UUID");
        }
    }

    public static TaskId of(UUID uuid) {
        return new TaskId(PREFIX + uuid);
    }

    public static TaskId parse(String value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
