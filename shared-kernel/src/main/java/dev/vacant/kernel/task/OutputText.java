package dev.vacant.kernel.task;

/**
 * An execution's output made fit for a signed entry: every character the input rule refuses (a C0 control other
 * than TAB, LF and CR, or a lone surrogate; {@code api.md}, Input rules) becomes U+FFFD, so what a command or a
 * model printed can always be recorded.
 */
public final class OutputText {

    private static final char REPLACEMENT = '\uFFFD';

    private OutputText() {
    }

    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
