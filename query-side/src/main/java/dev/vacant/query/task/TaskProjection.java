package dev.vacant.query.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.task.TaskLogbookKind;
import java.sql.Timestamp;
import java.util.StringJoiner;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tasks read model ({@code task_view}, with {@code task_dependency}) and the rewards ledger ({@code reward_grant}), fed by their own tracking
 * processor ({@link #PROCESSING_GROUP}). Idempotent: a task row moves only forward in its chain's seq, and a
 * reward is inserted only if its (task, identity) has none, so a redelivery, a reset or a replay of the whole
 * store never grants twice. Rows depend only on the signed entries.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class TaskProjection {

    /** The processing group (and tracking processor) of the task read models. */
    public static final String PROCESSING_GROUP = "tasks";

    private final JdbcTemplate jdbc;

    public TaskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskEvent event) {
        LogbookBody body = event.entry().body();
        JsonNode payload = body.payload();
        Timestamp at = Timestamp.from(Timestamps.parse(body.ts()));
        TaskLogbookKind kind = event.kind();
        if (kind == TaskLogbookKind.SUBMITTED) {
            submitted(body, payload, at);
            return;
        }
        if (kind == TaskLogbookKind.REWARD_GRANTED) {
            granted(body.vacant(), payload, at);
        }
        String state = event.recordedState() == null ? null : event.recordedState().name();
        jdbc.update("update task_view set state = coalesce(?, state), attempt = coalesce(?, attempt),"
                        + " cost_micros = cost_micros + ?, output = coalesce(?, output), reason = coalesce(?, reason),"
                        + " seq = ?, updated_at = ? where task_id = ? and seq < ?",
                state, payload.hasNonNull("attempt") ? payload.get("attempt").asInt() : null,
                kind == TaskLogbookKind.EXECUTED ? payload.get("cost_micros").asLong() : 0L,
                text(payload, "output"), text(payload, "reason"), body.seq(), at, body.vacant(), body.seq());
    }

    private void submitted(LogbookBody body, JsonNode payload, Timestamp at) {
        Integer known = jdbc.queryForObject("select count(*) from task_view where task_id = ?", Integer.class,
                body.vacant());
        if (known != null && known > 0) {
            return;
        }
        JsonNode spec = payload.get("spec");
        JsonNode route = payload.has("route") ? payload.get("route") : Json.object();
        jdbc.update("insert into task_view (task_id, state, attempt, submitter, assignee, mode, model, prompt,"
                        + " min_budget_micros, max_budget_micros, cost_micros, reason, output, tool_route, tool_name,"
                        + " tool_confidence_milli, seq, updated_at, parent_id, subtasks)"
                        + " values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?, null, ?, ?, ?, ?, ?, ?, ?)",
                body.vacant(), payload.get("state").asText(), payload.get("submitter").asText(), text(spec, "assignee"),
                spec.get("mode").asText(), text(spec, "model"), spec.get("prompt").asText(),
                spec.get("min_budget_micros").asLong(), spec.get("max_budget_micros").asLong(), text(payload, "reason"),
                text(route, "tool_route"), text(route, "tool_name"),
                route.hasNonNull("tool_confidence_milli") ? route.get("tool_confidence_milli").asInt() : null,
                body.seq(), at, text(payload, "parent"), subtasks(payload));
        waitsOn(body.vacant(), spec.get("depends_on"));
        waitsOn(body.vacant(), payload.get("subtasks"));
    }

    /** Records that {@code taskId} waits on each of {@code ids} (its dependencies, or a parent's subtasks). */
    private void waitsOn(String taskId, JsonNode ids) {
        if (ids != null) {
            ids.forEach(id -> jdbc.update("insert into task_dependency (task_id, depends_on) values (?, ?)", taskId,
                    id.asText()));
        }
    }

    /** A decomposed parent's subtasks as stored ({@link TaskQueries#SUBTASK_SEPARATOR}-joined), else null. */
    private static String subtasks(JsonNode payload) {
        JsonNode subtasks = payload.get("subtasks");
        if (subtasks == null) {
            return null;
        }
        StringJoiner joined = new StringJoiner(TaskQueries.SUBTASK_SEPARATOR);
        subtasks.forEach(id -> joined.add(id.asText()));
        return joined.toString();
    }

    private void granted(String taskId, JsonNode payload, Timestamp at) {
        String identity = payload.get("identity").asText();
        Integer known = jdbc.queryForObject("select count(*) from reward_grant where task_id = ? and identity = ?",
                Integer.class, taskId, identity);
        if (known == null || known == 0) {
            jdbc.update("insert into reward_grant (task_id, identity, amount_micros, granted_at) values (?, ?, ?, ?)",
                    taskId, identity, payload.get("amount_micros").asLong(), at);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from reward_grant");
        jdbc.update("delete from task_dependency");
        jdbc.update("delete from task_view");
    }
}
