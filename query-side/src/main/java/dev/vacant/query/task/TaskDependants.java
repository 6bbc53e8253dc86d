package dev.vacant.query.task;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which tasks wait on a task ({@code task_dependency}, kept by {@link TaskProjection}). */
@Component
public class TaskDependants {

    private final JdbcTemplate jdbc;

    public TaskDependants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the tasks that depend on {@code taskId}. */
    public List<String> of(String taskId) {
        return jdbc.queryForList("select task_id from task_dependency where depends_on = ? order by task_id",
                String.class, taskId);
    }
}
