package dev.vacant.infra.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.EmbeddedApplicationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scheduling on the embedded database (H2's own upsert): a first timer, then a new due time that ends a claim. */
class EmbeddedVacantTimersTest extends EmbeddedApplicationTest {

    private static final Instant FAR_AHEAD = Instant.parse("3000-01-01T00:00:00Z");

    @Autowired
    JdbcVacantTimers timers;
    @Autowired
    JdbcTemplate jdbc;

    private final String vacant = "vac_timer_" + UUID.randomUUID();

    @AfterEach
    void removeTimer() {
        timers.cancel(vacant);
    }

    @Test
    void schedule_setsAFirstTimer_thenANewDueTime_endingTheClaimOnIt() {
        timers.schedule(vacant, FAR_AHEAD);
        assertThat(timer()).containsEntry("due_at", utc(FAR_AHEAD)).containsEntry("claimed_until", null);
        jdbc.update("update vacant_timer set claimed_until = ? where vacant_id = ?", utc(FAR_AHEAD), vacant);

        timers.schedule(vacant, FAR_AHEAD.plusSeconds(60));

        assertThat(timer()).containsEntry("due_at", utc(FAR_AHEAD.plusSeconds(60)))
                .containsEntry("claimed_until", null);
    }

    /** The vacant's one timer row. */
    private Map<String, Object> timer() {
        return jdbc.queryForMap("select due_at, claimed_until from vacant_timer where vacant_id = ?", vacant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
