package dev.vacant.kernel.task;

/** How hard a task is expected to work its executor. */
public enum Intensity {
    LOW, MEDIUM, HIGH
}
