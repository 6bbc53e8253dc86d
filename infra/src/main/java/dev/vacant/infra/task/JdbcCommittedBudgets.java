package dev.vacant.infra.task;

import dev.vacant.command.task.CommittedBudgets;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Committed budgets from the tasks read model: the cost of a submitter's APPROVED and FAILED tasks plus the
 * {@code max_budget} of its open ones; a decomposed parent counts through its subtasks (they share its budget). The
 * read model is eventually consistent, so submissions racing each other may overshoot the limit by what was
 * submitted meanwhile.
 */
final class JdbcCommittedBudgets implements CommittedBudgets {

    private final JdbcTemplate jdbc;

    JdbcCommittedBudgets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long committedMicros(String submitter) {
        Long committed = jdbc.queryForObject("select coalesce(sum(case when state in ('APPROVED', 'FAILED')"
                + " then cost_micros else max_budget_micros end), 0) from task_view"
                + " where submitter = ? and state <> 'REJECTED' and subtasks is null", Long.class, submitter);
        return committed == null ? 0 : committed;
    }
}
