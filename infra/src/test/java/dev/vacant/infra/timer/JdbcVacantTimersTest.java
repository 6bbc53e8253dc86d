package dev.vacant.infra.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claims on due timers, so that pollers of several instances fire each timer once. The timers here are due in 1970,
 * before any other test's, so they are the ones claimed first; they are removed afterwards.
 */
class JdbcVacantTimersTest extends PostgresApplicationTest {

    private static final Instant LONG_AGO = Instant.EPOCH.plusSeconds(60);
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Autowired
    JdbcVacantTimers timers;

    private final String first = "vac_timer_" + UUID.randomUUID();
    private final String second = "vac_timer_" + UUID.randomUUID();

    @AfterEach
    void removeTimers() {
        timers.cancel(first);
        timers.cancel(second);
    }

    private List<String> claim(Instant now) {
        return timers.claimDue(now, now.plus(LEASE), 2);
    }

    @Test
    void aClaimedTimer_isNotDueForAnotherPoller_untilItsClaimRunsOut() {
        timers.schedule(first, LONG_AGO);
        timers.schedule(second, LONG_AGO.plusSeconds(1));
        Instant now = LONG_AGO.plusSeconds(10);

        assertThat(claim(now)).containsExactly(first, second);
        assertThat(claim(now)).doesNotContain(first, second);
        assertThat(claim(now.plus(LEASE))).containsExactly(first, second);
    }

    @Test
    void aReleasedTimer_andARescheduledOne_areDueAgainAtOnce() {
        timers.schedule(first, LONG_AGO);
        timers.schedule(second, LONG_AGO.plusSeconds(1));
        Instant now = LONG_AGO.plusSeconds(10);
        claim(now);

        timers.release(first);
        timers.schedule(second, LONG_AGO.plusSeconds(2));

        assertThat(claim(now)).containsExactly(first, second);
    }
}
