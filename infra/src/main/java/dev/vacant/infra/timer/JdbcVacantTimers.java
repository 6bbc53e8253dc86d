package dev.vacant.infra.timer;

import dev.vacant.command.vacant.VacantTimers;
import dev.vacant.infra.persistence.BeforeCommitWrites;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persistent timer table: one pending timer per vacant. Writes join the command's transaction (the
 * aggregate's lock serialises writers of one vacant; the due times it sets are written together just before it
 * commits), so timers survive restarts and a rejected command schedules nothing. Pollers claim due timers before firing them, so several instances fire each timer once.
 */
public class JdbcVacantTimers implements VacantTimers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BeforeCommitWrites<Object[]> dueTimes;

    public JdbcVacantTimers(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        String schedule = scheduleStatement(jdbc.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
        this.dueTimes = new BeforeCommitWrites<>(rows -> jdbc.batchUpdate(schedule, rows));
    }

    /**
     * The one statement that sets a vacant's due time, whether it has a timer or not, and ends any claim on it:
     * each database's own upsert (a vacant's first timer, at its genesis or birth, then costs one round trip).
     */
    static String scheduleStatement(String databaseProduct) {
        return databaseProduct.equals("H2")
                ? "merge into vacant_timer (vacant_id, due_at, claimed_until) key (vacant_id) values (?, ?, null)"
                : "insert into vacant_timer (vacant_id, due_at) values (?, ?) "
                        + "on conflict (vacant_id) do update set due_at = excluded.due_at, claimed_until = null";
    }

    /**
     * Sets the due time; a new due time ends any claim on the timer. The due times a transaction sets are written
     * together just before it commits, the last one per vacant.
     */
    @Override
    public void schedule(String vacantId, Instant due) {
        dueTimes.add(vacantId, new Object[] {vacantId, utc(due)});
    }

    @Override
    public void cancel(String vacantId) {
        dueTimes.flush();
        jdbc.update("delete from vacant_timer where vacant_id = ?", vacantId);
    }

    /**
     * Claims until {@code claimUntil} the timers due at {@code now} that nobody holds a live claim on, oldest first:
     * rows another poller is claiming at this moment are skipped ({@code for update skip locked}), rows it claimed
     * are not due for anyone else until their claim runs out.
     */
    public List<String> claimDue(Instant now, Instant claimUntil, int limit) {
        return transactions.execute(status -> {
            List<String> due = jdbc.queryForList("""
                    select vacant_id from vacant_timer where due_at <= ? and (claimed_until is null or claimed_until <= ?)
                    order by due_at limit ? for update skip locked""", String.class, utc(now), utc(now), limit);
            jdbc.batchUpdate("update vacant_timer set claimed_until = ? where vacant_id = ?",
                    due.stream().map(id -> new Object[] {utc(claimUntil), id}).toList());
            return due;
        });
    }

    /** Ends this poller's claim on a timer it could not fire, so that the next poll fires it. */
    public void release(String vacantId) {
        jdbc.update("update vacant_timer set claimed_until = null where vacant_id = ?", vacantId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
