package dev.vacant.infra.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims on due timers, so that pollers of several instances fire each timer once. The timers here are due in 1970,
 * before any other test's, so they are the ones claimed first; they are removed afterwards.
 */
class JdbcVacantTimersTest extends PostgresApplicationTest {

    private static final Instant LONG_AGO = Instant.EPOCH.plusSeconds(60);
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Autowired
    JdbcVacantTimers timers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final String first = "vac_timer_" + UUID.randomUUID();
    private final String second = "vac_timer_" + UUID.randomUUID();

    @AfterEach
    void removeTimers() {
        timers.cancel(first);
        timers.cancel(second);
    }

    private List<OffsetDateTime> dueAt(String vacant) {
        return jdbc.queryForList("select due_at from vacant_timer where vacant_id = ?", OffsetDateTime.class, vacant);
    }

    private void inTransaction(Consumer<TransactionStatus> work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(work);
    }

    @Test
    void theDueTimesOfATransaction_areWrittenAsItCommits_theLastOnePerVacant() {
        inTransaction(status -> {
            timers.schedule(first, LONG_AGO);
            timers.schedule(second, LONG_AGO);
            timers.schedule(first, LONG_AGO.plusSeconds(5));
            assertThat(dueAt(first)).as("held back until the commit").isEmpty();
        });

        assertThat(dueAt(first)).singleElement().extracting(OffsetDateTime::toInstant).isEqualTo(LONG_AGO.plusSeconds(5));
        assertThat(dueAt(second)).singleElement().extracting(OffsetDateTime::toInstant).isEqualTo(LONG_AGO);
    }

    @Test
    void aTimerCancelledInTheTransactionThatScheduledIt_isNotWritten_norOneOfARolledBackTransaction() {
        inTransaction(status -> {
            timers.schedule(first, LONG_AGO);
            timers.cancel(first);
        });
        inTransaction(status -> {
            timers.schedule(second, LONG_AGO);
            status.setRollbackOnly();
        });

        assertThat(dueAt(first)).isEmpty();
        assertThat(dueAt(second)).isEmpty();
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
