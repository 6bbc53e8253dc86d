package dev.vacant.kernel.task.skill;

import java.util.Set;

/**
 * A local tool the task loop may run instead of an LLM call ({@code tasks.md} step 4): its name, the keywords that
 * route a prompt to it, whether running it twice is harmless (only idempotent skills may be speculated), and its
 * executor, which answers JSON text.
 */
public interface Skill {

    String name();

    /** Lower-case words or phrases whose presence in a prompt points at this skill. */
    Set<String> keywords();

    /** Whether running it twice on the same input is harmless. */
    boolean idempotent();

    /** Runs the skill on {@code input}; a malformed input is an {@link SkillOutput#failed} output, never a throw. */
    SkillOutput run(String input);
}
