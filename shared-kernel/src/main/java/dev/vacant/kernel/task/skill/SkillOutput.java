package dev.vacant.kernel.task.skill;

import dev.vacant.kernel.json.Json;
import java.util.Map;

/** What a skill answered: JSON text, and whether it is an error (the review's "error marker"). */
public record SkillOutput(String json, boolean error) {

    /** A successful output: {@code value} as JSON. */
    public static SkillOutput of(Object value) {
        return new SkillOutput(Json.write(value), false);
    }

    /** An error output {@code {"error": reason}}. */
    public static SkillOutput failed(String reason) {
        return new SkillOutput(Json.write(Map.of("error", reason)), true);
    }
}
