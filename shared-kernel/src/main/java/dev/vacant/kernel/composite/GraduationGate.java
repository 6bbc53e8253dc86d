package dev.vacant.kernel.composite;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate limit and collusion checks of a graduation (consent is {@link GraduationConsent}): at most
 * {@code ratePerWindow} graduations per parent in any sliding {@link #WINDOW}, and the strongest collusion signal
 * strictly below {@code collusionThreshold}.
 */
public record GraduationGate(int ratePerWindow, double collusionThreshold, CollusionDetector detector) {

    /** The sliding window of the rate limit. */
    public static final Duration WINDOW = Duration.ofHours(24);

    public GraduationGate {
        if (ratePerWindow < 1) {
            throw new IllegalArgumentException("the graduation rate limit is at least 1, got " + ratePerWindow);
        }
        if (!(collusionThreshold > 0 && collusionThreshold <= 1)) {
            throw new IllegalArgumentException("the collusion threshold lies in (0, 1], got " + collusionThreshold);
        }
    }

    /** {@code GRADUATION_RATE_LIMITED} when the parent's {@code previous} graduations fill the window before {@code now}. */
    public void requireWithinRate(List<Instant> previous, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        List<Instant> inWindow = previous.stream().filter(at -> at.isAfter(windowStart)).sorted().toList();
        if (inWindow.size() >= ratePerWindow) {
            Instant retryAt = inWindow.get(inWindow.size() - ratePerWindow).plus(WINDOW);
            throw new VacantException(ErrorCode.GRADUATION_RATE_LIMITED, "a parent may graduate at most "
                    + ratePerWindow + " children in 24 hours", Map.of("limit", ratePerWindow,
                    "retry_after", retryAt.toString()));
        }
    }

    /** The signals when they all stay below the threshold, else {@code GRADUATION_COLLUSION} naming all three. */
    public CollusionSignals requireNoCollusion(CollusionParty parent, CollusionParty child) {
        CollusionSignals signals = detector.signals(parent, child);
        long thresholdMilli = CollusionSignals.milli(collusionThreshold);
        if (signals.maxMilli() >= thresholdMilli) {
            Map<String, Object> details = new HashMap<>(signals.details());
            details.put("threshold", thresholdMilli / 1000.0);
            throw new VacantException(ErrorCode.GRADUATION_COLLUSION,
                    "the child is too close to its parent to graduate", details);
        }
        return signals;
    }
}
