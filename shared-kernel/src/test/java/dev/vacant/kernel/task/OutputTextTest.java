package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import org.junit.jupiter.api.Test;

class OutputTextTest {

    @Test
    void refusedCharacters_becomeReplacementCharacters_andTheRestIsKept() {
        String raw = "a\u0000b\u001bc\td\ne\rf\ud800g\ud83d\ude00";
        String clean = OutputText.clean(raw);
        assertThat(clean).isEqualTo("a\uFFFDb\uFFFDc\td\ne\rf\uFFFDg\ud83d\ude00");
        assertThat(InputPolicy.violation(clean, NumberRule.EXACT)).isEmpty();
        assertThat(InputPolicy.violation(raw, NumberRule.EXACT)).isPresent();
    }
}
