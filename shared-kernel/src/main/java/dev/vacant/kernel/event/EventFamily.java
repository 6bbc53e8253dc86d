package dev.vacant.kernel.event;

import java.util.Set;

/**
 * The chains signed events live on, each with the Axon aggregate types that write them and the prefix of their
 * stored names ({@link EventType#name()}): a vacant's logbook, and a task's chain (and the task loop's control chain).
 */
public enum EventFamily {
    VACANT("vacant.", Set.of("Vacant")),
    TASK("task.", Set.of("Task", "TaskControl"));

    private final String namePrefix;
    private final Set<String> aggregateTypes;

    EventFamily(String namePrefix, Set<String> aggregateTypes) {
        this.namePrefix = namePrefix;
        this.aggregateTypes = aggregateTypes;
    }

    /** Whether a stored name belongs to this family. */
    public boolean names(String storedName) {
        return storedName != null && storedName.startsWith(namePrefix);
    }

    /** Whether Axon's aggregate {@code type} column names an aggregate of this family. */
    public boolean writtenBy(String aggregateType) {
        return aggregateTypes.contains(aggregateType);
    }
}
