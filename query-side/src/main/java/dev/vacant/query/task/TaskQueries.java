package dev.vacant.query.task;

import dev.vacant.kernel.task.TaskState;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads of the tasks read model and the rewards ledger ({@link TaskProjection}). */
@Component
public class TaskQueries {

    /** Separates the subtask ids of a decomposed parent in {@code task_view.subtasks}. */
    static final String SUBTASK_SEPARATOR = ",";

    private static final String COLUMNS = "task_id, state, attempt, submitter, assignee, mode, model, min_budget_micros,"
            + " max_budget_micros, cost_micros, reason, output, tool_route, tool_name, tool_confidence_milli, seq,"
            + " parent_id, subtasks";
    private static final RowMapper<TaskRow> TASK = (rs, n) -> new TaskRow(rs.getString("task_id"),
            TaskState.valueOf(rs.getString("state")), rs.getInt("attempt"), rs.getString("submitter"),
            rs.getString("assignee"), rs.getString("mode"), rs.getString("model"), rs.getLong("min_budget_micros"),
            rs.getLong("max_budget_micros"), rs.getLong("cost_micros"), rs.getString("reason"), rs.getString("output"),
            rs.getString("tool_route"), rs.getString("tool_name"), (Integer) rs.getObject("tool_confidence_milli"),
            rs.getLong("seq"), rs.getString("parent_id"), subtasks(rs.getString("subtasks")));

    private final JdbcTemplate jdbc;

    private static List<String> subtasks(String stored) {
        return stored == null ? List.of() : List.of(stored.split(SUBTASK_SEPARATOR));
    }

    public TaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One task as last projected. */
    public Optional<TaskRow> task(String taskId) {
        return jdbc.query("select " + COLUMNS + " from task_view where task_id = ?", TASK, taskId).stream().findFirst();
    }

    /** Up to {@code limit} tasks in {@code state}, by id. */
    public List<TaskRow> inState(TaskState state, int limit) {
        return jdbc.query("select " + COLUMNS + " from task_view where state = ? order by task_id limit ?", TASK,
                state.name(), limit);
    }

    /** The grants of {@code identity}, oldest first, and their sum in micro-units. */
    public RewardBalance balance(String identity) {
        List<RewardBalance.Grant> grants = jdbc.query(
                "select task_id, amount_micros from reward_grant where identity = ? order by granted_at, task_id",
                (rs, n) -> new RewardBalance.Grant(rs.getString("task_id"), rs.getLong("amount_micros")), identity);
        return new RewardBalance(identity, grants.stream().mapToLong(RewardBalance.Grant::amountMicros).sum(), grants);
    }
}
