package dev.vacant.kernel.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRuleTest {

    @Test
    void nul_isRefused() {
        assertThat(TextRule.violation("a\u0000b")).hasValue("must not contain the control character U+0000");
    }

    @Test
    void everyC0Control_isRefused_butTabLineFeedAndCarriageReturn() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(TextRule.violation("x" + c).isEmpty()).as("U+%04X", (int) c).isEqualTo(allowed);
        }
        assertThat(TextRule.violation("\u007f\u0080 del and C1 are text")).isEmpty();
    }

    @Test
    void loneSurrogates_areRefused_whetherHighOrLowOrAtTheEnd() {
        assertThat(TextRule.violation("a\ud800b")).hasValue("must not contain a lone surrogate (U+D800)");
        assertThat(TextRule.violation("a\udc00")).hasValue("must not contain a lone surrogate (U+DC00)");
        assertThat(TextRule.violation("end\ud83d")).isPresent();
        assertThat(TextRule.violation("\ude00\ud83d")).isPresent();
    }

    @Test
    void surrogatePairsAndOrdinaryText_areAccepted() {
        assertThat(TextRule.violation("grin \ud83d\ude00, caf\u00e9, \u20ac, tab\tnew\nline\r")).isEmpty();
        assertThat(TextRule.violation("")).isEmpty();
    }
}
