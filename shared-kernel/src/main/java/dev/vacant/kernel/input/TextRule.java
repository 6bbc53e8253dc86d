package dev.vacant.kernel.input;

import java.util.Optional;

/**
 * The rule every text a client sends obeys: no U+0000 (PostgreSQL {@code text} refuses it), no other C0 control
 * character but TAB, LF and CR, and no lone UTF-16 surrogate (it has no UTF-8 form, so it cannot be stored, signed
 * or served as it was sent).
 */
public final class TextRule {

    private TextRule() {
    }

    /** Why {@code text} breaks the rule, or empty when it obeys it. */
    public static Optional<String> violation(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("must not contain the control character U+%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("must not contain a lone surrogate (U+%04X)", (int) c));
            }
        }
        return Optional.empty();
    }
}
