package dev.vacant.infra.projection;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes: before a query, waits (bounded) until the projections it reads have processed a given event
 * position, or the store's head for {@code consistency=strong}. Without either, reads are eventual. A read that
 * asked for a position is never answered with older data: past the wait it is refused with
 * {@code PROJECTION_LAGGING} (503, {@code Retry-After}), and so is a read of one vacant whose events are parked
 * ({@link ProjectionDeadLetters}), whatever the position.
 */
public class ReadConsistency {

    private static final Duration POLL = Duration.ofMillis(10);
    /** What a refused read is told to wait before it asks again. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final ProjectionPositions positions;
    private final ProjectionDeadLetters deadLetters;
    private final Duration timeout;

    public ReadConsistency(ProjectionPositions positions, ProjectionDeadLetters deadLetters, Duration timeout) {
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.timeout = timeout;
    }

    /** Parses a {@code consistency} query parameter: {@code strong}, {@code eventual} or absent. */
    public static boolean strong(String consistency) {
        if (consistency == null || consistency.equals("eventual")) {
            return false;
        }
        if (consistency.equals("strong")) {
            return true;
        }
        throw new VacantException(ErrorCode.VALIDATION_FAILED, "consistency must be strong or eventual");
    }

    /**
     * Waits for {@code projections} to reach {@code position}, or the head when {@code strong}; {@code
     * PROJECTION_LAGGING} when they have not within the timeout.
     */
    public void await(List<String> projections, Long position, boolean strong) {
        if (position == null && !strong) {
            return;
        }
        long target = strong ? positions.head() : position;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(projections, target)) {
            if (System.nanoTime() >= deadline) {
                throw notReached(target);
            }
            try {
                PollPause.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReached(target);
            }
        }
    }

    /** {@link #await(List, Long, boolean)} for a read of one vacant, which must not have parked events either. */
    public void await(List<String> projections, Long position, boolean strong, String vacant) {
        await(projections, position, strong);
        if ((position != null || strong) && deadLetters.parks(vacant)) {
            throw lagging("events of " + vacant + " are parked");
        }
    }

    private static VacantException notReached(long target) {
        return lagging("the projections have not reached position " + target + " yet");
    }

    private static VacantException lagging(String why) {
        return new VacantException(ErrorCode.PROJECTION_LAGGING, why,
                Map.of(VacantException.RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS));
    }

    private boolean reached(List<String> projections, long target) {
        return projections.stream().allMatch(p -> positions.reached(p, target));
    }
}
