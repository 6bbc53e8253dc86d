package dev.vacant.kernel.task;

/** Who signs an entry of a task's chain: the node (gate decisions) or the assignee (its execution and review). */
public enum TaskSigner {
    NODE, ASSIGNEE
}
