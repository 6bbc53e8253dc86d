package dev.vacant.infra.task.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the task loop's end-to-end tests share: submission over HTTP and reads of the tasks, chains and rewards. */
abstract class TaskLoopTestBase extends VacantApiTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    String assignee() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search")).text("id");
    }

    String submit(Map<String, Object> body) {
        ApiClient.Response response = api.post("/api/v1/tasks", aliceToken, body);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.text("id");
    }

    /** An {@code llm} task of {@code test-model} for {@code assignee}, min budget 100 micro-units. */
    static Map<String, Object> llmTask(String prompt, String assignee, long maxBudget) {
        Map<String, Object> body = new HashMap<>(Map.of("prompt", prompt, "mode", "llm", "model", "test-model",
                "min_budget_micros", 100, "max_budget_micros", maxBudget));
        body.put("assignee", assignee);
        return body;
    }

    ApiClient.Response task(String id) {
        return api.get("/api/v1/tasks/" + id, aliceToken);
    }

    void awaitState(String id, String state) {
        Polling.awaitUntil(id + " " + state, PATIENCE,
                () -> task(id).status() == 200 && state.equals(task(id).text("state")));
    }

    List<String> taskKinds(String id) {
        return eventStore.readEvents(id).asStream().map(m -> ((TaskEvent) m.getPayload()).entry().body().kind())
                .toList();
    }

    List<LogbookEntry> entriesOf(String vacant, String kind) {
        return logbook(vacant).stream().filter(e -> e.body().kind().equals(kind)).toList();
    }

    long grants(String vacant) {
        return api.get("/api/v1/rewards/" + vacant, aliceToken).body().get("grants").size();
    }

    long balance(String vacant) {
        return api.get("/api/v1/rewards/" + vacant, aliceToken).body().get("balance_micros").asLong();
    }
}
