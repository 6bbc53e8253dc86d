package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateTest {

    static final VacantId WRITER = VacantId.of(new byte[32]);

    static Tuple tuple(String yool, ObjectNode data) {
        return new Tuple(UUID.randomUUID(), yool, TupleMap.of(1, 2), WRITER, "work", "test", null, null, data,
                List.of(), Instant.EPOCH, null);
    }

    @Test
    void any_matchesEveryTuple_always() {
        assertThat(Template.ANY.matches(tuple("summarize", Json.object().put("k", 1)))).isTrue();
    }

    @Test
    void template_matchesOnEnvelopeAndTopLevelDataKeys_whenAllEqual() {
        Template template = new Template("summarize", WRITER.value(), "test", null, null, Json.object().put("k", 1));

        assertThat(template.matches(tuple("summarize", Json.object().put("k", 1).put("other", "x")))).isTrue();
        assertThat(template.matches(tuple("translate", Json.object().put("k", 1)))).isFalse();
        assertThat(template.matches(tuple("summarize", Json.object().put("k", 2)))).isFalse();
        assertThat(template.matches(tuple("summarize", Json.object()))).isFalse();
    }

    @Test
    void template_rejectsOtherSource_whenSourceGiven() {
        Template template = new Template(null, null, "elsewhere", null, null, null);

        assertThat(template.matches(tuple("summarize", Json.object()))).isFalse();
    }
}
