package dev.vacant.query.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vacant.kernel.spawn.SpawnPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The descendants cursor: what a page ends with, written and read back as {@code depth:position}. */
class DescendantCursorTest {

    @Test
    void after_pointsAtTheLastLinksDepthAndPosition_andReadsBackEqual() {
        LineageLink last = new LineageLink("vac_child", 3, "vac_parent", "vac_child", SpawnPath.D4, true,
                Instant.parse("2026-01-02T03:04:05.006Z"), 1234);

        DescendantCursor cursor = DescendantCursor.after(last);

        assertThat(cursor.toString()).isEqualTo("3:1234");
        assertThat(DescendantCursor.parse(cursor.toString())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3:", ":4", "-1:4", "3:-4", "a:4", "3:4:5", "3 :4", "9999999999:1"})
    void parse_rejectsAnythingButDepthColonPosition(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DescendantCursor.parse(text))
                .withMessageContaining("depth:position");
    }
}
