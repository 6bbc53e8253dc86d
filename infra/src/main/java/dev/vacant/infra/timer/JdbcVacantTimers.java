package dev.vacant.infra.timer;

import dev.vacant.command.vacant.VacantTimers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persistent timer table: one pending timer per vacant. Writes join the command's transaction (the
 * aggregate's lock serialises writers of one vacant), so timers survive restarts and a rejected command
 * schedules nothing.
 */
public class JdbcVacantTimers implements VacantTimers {

    private final JdbcTemplate jdbc;

    public JdbcVacantTimers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void schedule(String vacantId, Instant due) {
        OffsetDateTime at = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
        if (jdbc.update("update vacant_timer set due_at = ? where vacant_id = ?", at, vacantId) == 0) {
            jdbc.update("insert into vacant_timer (vacant_id, due_at) values (?, ?)", vacantId, at);
        }
    }

    @Override
    public void cancel(String vacantId) {
        jdbc.update("delete from vacant_timer where vacant_id = ?", vacantId);
    }

    /** The vacants whose timer is due at {@code now}, oldest first. */
    public List<String> due(Instant now, int limit) {
        return jdbc.queryForList("select vacant_id from vacant_timer where due_at <= ? order by due_at limit ?",
                String.class, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), limit);
    }
}
