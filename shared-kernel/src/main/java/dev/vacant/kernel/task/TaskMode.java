package dev.vacant.kernel.task;

/** How a task executes: a chat completion ({@code llm}) or an allowlisted local command ({@code local}). */
public enum TaskMode {
    LLM, LOCAL
}
