package dev.vacant.kernel.task.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillRegistryTest {

    @Test
    void route_picksTheSkill_whenTwoOfItsKeywordsAreInThePrompt() {
        SkillRegistry skills = new SkillRegistry(BuiltInSkills.all(), 1000);

        assertThat(skills.route("Validate this JSON: {\"a\": 1}")).isEqualTo(ToolRoute.tool("json.validate", 1000));
        assertThat(skills.route("SHA256 checksum of: hello")).isEqualTo(ToolRoute.tool("checksum", 1000));
        assertThat(skills.route("Count the words and lines: a b")).isEqualTo(ToolRoute.tool("text.count", 1000));
    }

    @Test
    void route_readsAPromptThatRepeatsAWord_countingEachKeywordOnce() {
        SkillRegistry skills = new SkillRegistry(BuiltInSkills.all(), 1000);

        assertThat(skills.route("Count the words of the text: the the the")).isEqualTo(ToolRoute.tool("text.count", 1000));
        assertThat(skills.route("Checksum the checksum: checksum")).isEqualTo(ToolRoute.LLM);
    }

    @Test
    void route_goesToTheLlm_belowTheThreshold() {
        SkillRegistry strict = new SkillRegistry(BuiltInSkills.all(), 1000);
        assertThat(strict.route("Write a poem about JSON")).isEqualTo(ToolRoute.LLM);
        assertThat(strict.route("Summarise the meeting")).isEqualTo(ToolRoute.LLM);

        SkillRegistry lenient = new SkillRegistry(BuiltInSkills.all(), 500);
        assertThat(lenient.route("Write a poem about JSON")).isEqualTo(ToolRoute.tool("json.validate", 500));
    }

    @Test
    void registry_refusesTwoSkillsOfOneName_andAThresholdOutOfRange() {
        Skill checksum = BuiltInSkills.all().get(4);
        assertThatThrownBy(() -> new SkillRegistry(List.of(checksum, checksum), 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkillRegistry(BuiltInSkills.all(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SkillRegistry(BuiltInSkills.all(), 500).skill("nope")).isEmpty();
    }
}
