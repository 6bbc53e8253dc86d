package dev.vacant.kernel.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.spawn.SubstrateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputPolicyTest {

    record Spawn(String parentId, SpawnRequest request) {
    }

    record Plan(List<Step> steps, Map<String, String> labels, Optional<String> note) {
    }

    record Step(@JsonProperty("child") String childId, String text) {
    }

    private static Optional<FieldViolation> exact(Object input) {
        return InputPolicy.violation(input, NumberRule.EXACT);
    }

    @Test
    void textInANestedRecord_isNamedByItsSnakeCasePath() {
        Spawn spawn = new Spawn("vac_x", new SpawnRequest.CapabilityFork("fork\u0000", "prompt"));

        assertThat(exact(spawn)).hasValue(
                new FieldViolation("request.new_capability_text", "must not contain the control character U+0000"));
    }

    @Test
    void recordComponents_useTheirJsonPropertyName_andListsTheirIndex() {
        Plan plan = new Plan(List.of(new Step("a", "ok"), new Step("b\u0001", "ok")), Map.of(), Optional.empty());

        assertThat(exact(plan).map(FieldViolation::field)).hasValue("steps[1].child");
    }

    @Test
    void mapKeysAndValues_andOptionals_areText_too() {
        assertThat(exact(new Plan(List.of(), Map.of("k\ud800", "v"), Optional.empty())))
                .hasValue(new FieldViolation("labels", "member names must not contain a lone surrogate (U+D800)"));
        assertThat(exact(new Plan(List.of(), Map.of("k", "v\u0002"), Optional.empty())).map(FieldViolation::field))
                .hasValue("labels.k");
        assertThat(exact(new Plan(List.of(), Map.of(), Optional.of("\u001f")))).map(FieldViolation::field)
                .hasValue("note");
    }

    @Test
    void jsonTrees_checkStringsMemberNamesAndNumbers() {
        SubstrateSpec substrate = new SubstrateSpec("openai", "gpt", "gpt",
                Json.parse("{\"a\":[1,{\"b\":\"x\\u0000\"}]}").deepCopy());

        assertThat(exact(substrate).map(FieldViolation::field)).hasValue("params.a[1].b");
        assertThat(exact(Json.parse("{\"ok\":{\"bad\\u0000key\":1}}")))
                .hasValue(new FieldViolation("ok", "member names must not contain the control character U+0000"));
    }

    @Test
    void numbers_followTheRule_exactAllowsFractionsButIntegersDoesNot() {
        Object extra = Json.parse("{\"load\":1.5,\"big\":1}");
        assertThat(exact(extra)).isEmpty();
        assertThat(InputPolicy.violation(extra, NumberRule.INTEGERS).map(FieldViolation::field)).hasValue("load");
        assertThat(exact(Json.parse("{\"n\":9007199254740993}")).map(FieldViolation::field)).hasValue("n");
        assertThat(exact(Json.parse("{\"n\":9007199254740991, \"m\": -0.25}"))).isEmpty();
    }

    @Test
    void require_throwsValidationFailed_withTheViolationInItsDetails() {
        assertThatThrownBy(() -> InputPolicy.require(new Step("c", "\u0007"), NumberRule.EXACT))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.getMessage()).startsWith("text: ");
                    assertThat(e.details()).containsEntry("errors",
                            List.of(new FieldViolation("text", "must not contain the control character U+0007")));
                });
    }

    @Test
    void cleanInput_passes() {
        InputPolicy.require(new Plan(List.of(new Step("a", "line\none\ttab \ud83d\ude00")), Map.of("k", "v"),
                Optional.of("n")), NumberRule.INTEGERS);
        assertThat(exact(null)).isEmpty();
    }
}
