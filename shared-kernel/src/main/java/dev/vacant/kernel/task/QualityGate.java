package dev.vacant.kernel.task;

import java.util.List;
import java.util.Locale;

/**
 * The review's quality gate ({@code tasks.md} step 6), as a named policy returning a verdict and its reason: an
 * output must be non-empty, carry no error marker and stay within the length bounds (code points). A failing
 * output asks for another attempt (REQUEUED; {@link RequeueBound} fails the task once the attempts are spent).
 *
 * @param errorMarkers lower-case markers whose presence marks a failed output (e.g. {@code "error:"})
 */
public record QualityGate(int minLength, int maxLength, List<String> errorMarkers) {

    /** Non-empty, at most 64 Ki code points, without the usual error markers. */
    public static final QualityGate DEFAULT = new QualityGate(1, 65_536,
            List.of("\"error\":", "error:", "traceback (most recent call last)", "exception:"));

    public QualityGate {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("length bounds need 1 <= min <= max");
        }
        errorMarkers = List.copyOf(errorMarkers);
    }

    /** The verdict on {@code output}: APPROVED, or REQUEUED with the reason (EMPTY, TOO_SHORT, TOO_LONG, ERROR_MARKER). */
    public Verdict review(String output) {
        if (output == null || output.isBlank()) {
            return Verdict.requeue("EMPTY");
        }
        int length = output.codePointCount(0, output.length());
        if (length < minLength) {
            return Verdict.requeue("TOO_SHORT");
        }
        if (length > maxLength) {
            return Verdict.requeue("TOO_LONG");
        }
        String lower = output.toLowerCase(Locale.ROOT);
        return errorMarkers.stream().anyMatch(lower::contains) ? Verdict.requeue("ERROR_MARKER")
                : new Verdict(ReviewVerdict.APPROVED, "PASSED");
    }

    /** A verdict and its reason code. */
    public record Verdict(ReviewVerdict verdict, String reason) {

        static Verdict requeue(String reason) {
            return new Verdict(ReviewVerdict.REQUEUED, reason);
        }
    }
}
