package dev.vacant.kernel.task;

/**
 * Bounds requeues ({@code tasks.md}: {@code max-attempts}, default 3): a REQUEUED verdict on the last allowed
 * attempt becomes FAILED with the reason {@link #ATTEMPTS_SPENT}.
 */
public record RequeueBound(int maxAttempts) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final String ATTEMPTS_SPENT = "ATTEMPTS_SPENT";

    public RequeueBound {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1");
        }
    }

    /** The verdict to record for {@code asked} on {@code attempt} (1-based). */
    public ReviewVerdict verdict(ReviewVerdict asked, int attempt) {
        return asked == ReviewVerdict.REQUEUED && attempt >= maxAttempts ? ReviewVerdict.FAILED : asked;
    }
}
