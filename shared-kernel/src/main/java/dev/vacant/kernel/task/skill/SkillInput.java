package dev.vacant.kernel.task.skill;

/**
 * The part of a prompt a skill works on: the content of its first fenced code block ({@code ```}), else what
 * follows its first colon, else the whole prompt; surrounding whitespace trimmed.
 */
public final class SkillInput {

    private static final String FENCE = "```";

    private SkillInput() {
    }

    public static String of(String prompt) {
        int fence = prompt.indexOf(FENCE);
        if (fence >= 0) {
            int start = prompt.indexOf('\n', fence);
            int end = start < 0 ? -1 : prompt.indexOf(FENCE, start);
            if (start >= 0) {
                return (end < 0 ? prompt.substring(start + 1) : prompt.substring(start + 1, end)).strip();
            }
        }
        int colon = prompt.indexOf(':');
        return (colon >= 0 ? prompt.substring(colon + 1) : prompt).strip();
    }
}
