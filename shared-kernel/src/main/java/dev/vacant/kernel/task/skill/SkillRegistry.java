package dev.vacant.kernel.task.skill;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skills a node can run, consulted before any LLM call (tool-first routing). A skill's confidence for a prompt
 * is, in thousandths, how many of its keywords the prompt holds (as whole lower-case words, or as phrases) out of
 * {@link #KEYWORDS_FOR_CERTAINTY}, capped at 1000; the best skill wins (ties: registration order) when its
 * confidence reaches the threshold, else the task goes to the LLM.
 */
public final class SkillRegistry {

    /** Matched keywords that make a route certain. */
    public static final int KEYWORDS_FOR_CERTAINTY = 2;

    private final Map<String, Skill> skills = new LinkedHashMap<>();
    private final int thresholdMilli;

    public SkillRegistry(List<Skill> skills, int thresholdMilli) {
        skills.forEach(skill -> {
            if (this.skills.putIfAbsent(skill.name(), skill) != null) {
                throw new IllegalArgumentException("two skills named " + skill.name());
            }
        });
        if (thresholdMilli < 1 || thresholdMilli > 1000) {
            throw new IllegalArgumentException("the routing threshold is 1..1000 thousandths");
        }
        this.thresholdMilli = thresholdMilli;
    }

    /** The skill named {@code name}, if registered. */
    public Optional<Skill> skill(String name) {
        return Optional.ofNullable(skills.get(name));
    }

    /** The route of an {@code llm} task's prompt: the best skill at or above the threshold, else {@link ToolRoute#LLM}. */
    public ToolRoute route(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        Set<String> words = Set.copyOf(Arrays.asList(text.split("[^\\p{L}\\p{N}\\-]+")));
        Skill best = null;
        int bestConfidence = 0;
        for (Skill skill : skills.values()) {
            int confidence = confidence(skill, text, words);
            if (confidence > bestConfidence) {
                best = skill;
                bestConfidence = confidence;
            }
        }
        return best != null && bestConfidence >= thresholdMilli ? ToolRoute.tool(best.name(), bestConfidence)
                : ToolRoute.LLM;
    }

    private static int confidence(Skill skill, String text, Set<String> words) {
        long matched = skill.keywords().stream()
                .filter(keyword -> keyword.contains(" ") ? text.contains(keyword) : words.contains(keyword))
                .count();
        return (int) Math.min(1000, matched * 1000 / KEYWORDS_FOR_CERTAINTY);
    }
}
