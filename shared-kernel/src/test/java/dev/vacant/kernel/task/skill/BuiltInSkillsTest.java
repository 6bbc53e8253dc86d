package dev.vacant.kernel.task.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuiltInSkillsTest {

    private static final SkillRegistry SKILLS = new SkillRegistry(BuiltInSkills.all(), 1000);

    private static JsonNode run(String skill, String input) {
        SkillOutput output = SKILLS.skill(skill).orElseThrow().run(input);
        return Json.parse(output.json());
    }

    @Test
    void jsonValidate_namesTheTypeOfValidJson_andReportsMalformedOrEmptyInput() {
        assertThat(run("json.validate", "{\"a\": [1, 2]}").toString()).isEqualTo("{\"valid\":true,\"type\":\"object\"}");
        assertThat(run("json.validate", "[true]").get("type").asText()).isEqualTo("array");
        JsonNode broken = run("json.validate", "{\"a\": ");
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("error").asText()).startsWith("malformed JSON");
        assertThat(run("json.validate", "").get("valid").asBoolean()).isFalse();
    }

    @Test
    void jsonCanonicalize_answersRfc8785Text_orAnErrorOutput() {
        assertThat(run("json.canonicalize", "{\"b\": 1, \"a\": [true, null]}").get("canonical").asText())
                .isEqualTo("{\"a\":[true,null],\"b\":1}");
        SkillOutput malformed = SKILLS.skill("json.canonicalize").orElseThrow().run("{oops");
        assertThat(malformed.error()).isTrue();
        assertThat(Json.parse(malformed.json()).get("error").asText()).startsWith("malformed JSON");
    }

    @Test
    void checksum_matchesTheKnownSha256AndBlake2bVectorsOfAbc() {
        JsonNode sums = run("checksum", "abc");
        assertThat(sums.get("bytes").asInt()).isEqualTo(3);
        assertThat(sums.get("sha256").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(sums.get("blake2b_256").asText())
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Test
    void textCount_countsCodePointsWordsLinesAndUtf8Bytes() {
        JsonNode counts = run("text.count", "Héllo wörld\nit's line two");
        assertThat(counts.get("characters").asInt()).isEqualTo(25);
        assertThat(counts.get("words").asInt()).isEqualTo(5);
        assertThat(counts.get("lines").asInt()).isEqualTo(2);
        assertThat(counts.get("bytes").asInt()).isEqualTo(27);
        assertThat(run("text.count", "").get("words").asInt()).isZero();
    }

    @Test
    void stylo16_answersTheDriftCodesSixteenFeaturesInMillionths() {
        String text = "Short sentence. Another one!\n- a list item\n";
        JsonNode stats = run("text.stylo16", text);
        long[] expected = Stylo16.toMillionths(Stylo16.features(text));

        assertThat(stats.get("version").asText()).isEqualTo("stylo16/1");
        assertThat(IntStream.range(0, 16).mapToLong(i -> stats.get("features_millionths").get(i).asLong()).toArray())
                .isEqualTo(expected);
        assertThat(SKILLS.skill("text.stylo16").orElseThrow().run("x".repeat(70_000)).error()).isTrue();
    }

    @Test
    void base64Encode_encodesTheUtf8Bytes_andDecodeReversesIt_standardOrUrlSafe() {
        assertThat(run("base64.encode", "héllo").get("base64").asText()).isEqualTo("aMOpbGxv");
        assertThat(run("base64.encode", "").get("base64").asText()).isEmpty();
        assertThat(run("base64.decode", "aMOpbGxv").get("text").asText()).isEqualTo("héllo");
        assertThat(run("base64.decode", "aGVs\nbG8=").get("text").asText()).isEqualTo("hello");
        assertThat(run("base64.decode", "PDw_Pz4-").get("text").asText()).isEqualTo("<<??>>");
    }

    @Test
    void base64Decode_reportsMalformedInput_andBytesThatAreNoText_asErrorOutputs() {
        SkillOutput malformed = SKILLS.skill("base64.decode").orElseThrow().run("not base64!");
        assertThat(malformed.error()).isTrue();
        assertThat(Json.parse(malformed.json()).get("error").asText()).startsWith("malformed Base64");
        SkillOutput binary = SKILLS.skill("base64.decode").orElseThrow().run("/w==");
        assertThat(binary.error()).isTrue();
        assertThat(Json.parse(binary.json()).get("error").asText()).contains("not UTF-8");
    }

    @Test
    void linesSort_sortsTheNonBlankLines_inCodePointOrder() {
        assertThat(run("lines.sort", "pear\n\nApple \nbanana\r\n\uD83D\uDE00 smile\n\uFFFD").get("lines").toString())
                .isEqualTo("[\"Apple\",\"banana\",\"pear\",\"\uFFFD\",\"\uD83D\uDE00 smile\"]");
        assertThat(run("lines.sort", "").get("lines").size()).isZero();
    }

    @Test
    void everySkill_isReachedByThePromptAUserWouldWrite_andWorksOnWhatFollowsTheColon() {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("Validate this JSON: {\"a\": 1}", "json.validate");
        prompts.put("Canonicalize this JSON (JCS): {\"b\": 1, \"a\": 2}", "json.canonicalize");
        prompts.put("Compute the STYLO-16 statistics of: It was a dark night.", "text.stylo16");
        prompts.put("Count the words: one two three", "text.count");
        prompts.put("Give the sha256 checksum of: abc", "checksum");
        prompts.put("Encode this as base64: hello", "base64.encode");
        prompts.put("Decode this base64: aGVsbG8=", "base64.decode");
        prompts.put("Sort these lines alphabetically:\nb\na", "lines.sort");
        prompts.forEach((prompt, skill) -> {
            ToolRoute route = SKILLS.route(prompt);
            assertThat(route.toolName()).as(prompt).isEqualTo(skill);
            assertThat(SKILLS.skill(skill).orElseThrow().run(SkillInput.of(prompt)).error()).as(prompt).isFalse();
        });
        assertThat(prompts.values()).containsExactlyInAnyOrderElementsOf(
                BuiltInSkills.all().stream().map(Skill::name).toList());
    }

    @Test
    void everyBuiltInSkill_isIdempotent_andAnswersTheSameTwice() {
        BuiltInSkills.all().forEach(skill -> {
            assertThat(skill.idempotent()).as(skill.name()).isTrue();
            assertThat(skill.run("{\"k\": \"v\"}")).isEqualTo(skill.run("{\"k\": \"v\"}"));
        });
    }
}
