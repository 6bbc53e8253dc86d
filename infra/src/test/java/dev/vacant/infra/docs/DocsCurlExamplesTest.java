package dev.vacant.infra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.command.task.TaskContext;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.skill.SkillInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the copy-paste curl examples of {@code docs/} with real curl against the running server: every fenced
 * {@code sh} block after a {@code <!-- run by DocsCurlExamplesTest: NAME -->} marker, one command at a time, with
 * the shell variables the example names.
 */
class DocsCurlExamplesTest extends VacantApiTestBase {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private TaskContext taskContext;

    private static final Path DOCS = Path.of("..", "docs");

    /** The commands of the marked example: continuation lines joined, comments dropped. */
    private static List<String> example(String file, String name) throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve(file), StandardCharsets.UTF_8);
        int marker = lines.indexOf(lines.stream().filter(l -> l.trim().equals("<!-- run by DocsCurlExamplesTest: " + name
                + " -->")).findFirst().orElseThrow(() -> new AssertionError("no example " + name + " in " + file)));
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String raw : lines.subList(marker + 2, lines.size())) {
            String line = raw.trim();
            if (line.equals("```")) {
                break;
            }
            if (line.startsWith("#")) {
                continue;
            }
            command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                commands.add(command.toString().trim());
                command.setLength(0);
            }
        }
        assertThat(commands).as(name).isNotEmpty();
        return commands;
    }

    /** Runs one command with bash and the variables; answers its stdout as JSON. */
    private static JsonNode run(String command, Map<String, String> variables) throws Exception {
        ProcessBuilder process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        process.environment().putAll(variables);
        Process started = process.start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(command + "\n" + out).isZero();
        return Json.parse(out);
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        variables.put("VACANT", "http://127.0.0.1:" + port);
        variables.put("ALICE", aliceToken);
        return variables;
    }

    private String genesis(String controller, String... tools) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null, tools)).text("id");
    }

    @Test
    void d4ConsentExample_ofApiMd_mergesWithTheOtherControllersConsent() throws Exception {
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> variables = variables();
        variables.put("CAROL", tokens.create(carol, Role.CONTROLLER));
        variables.put("A", genesis(alice, "read"));
        variables.put("B", genesis(carol, "write"));
        List<String> commands = example("api.md", "d4-consent");

        JsonNode consent = run(commands.get(0), variables);
        variables.put("NONCE", consent.at("/payload/nonce").asText());
        variables.put("SIG", consent.get("signature").asText());
        JsonNode spawned = run(commands.get(1), variables);

        assertThat(consent.get("signer").asText()).isEqualTo(variables.get("B"));
        assertThat(spawned.get("path").asText()).as(spawned.toString()).isEqualTo("D4");
        assertThat(spawned.at("/child/state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void treeOnlyCallExample_ofCompositeMd_isRefusedAndRecorded() throws Exception {
        Map<String, String> variables = variables();
        String parent = genesis(alice, "read");
        variables.put("B", genesis(alice, "read"));
        variables.put("BUD", api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("read"))).text("child_id"));

        JsonNode denied = run(example("composite.md", "tree-only-call").get(0), variables);

        assertThat(denied.get("code").asText()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(denied.get("rule").asText()).isEqualTo("CLOSED_CHILD");
        List<String> kinds = logbook(variables.get("BUD")).stream().map(e -> e.kind()).toList();
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("OUTBOUND_DENIED");
    }

    /** A composite of alice's with one bud, its delegation lane, and the composite's projection caught up. */
    private Map<String, String> compositeWithBud() {
        Map<String, String> variables = variables();
        String parent = genesis(alice, "read");
        String bud = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("read"))).text("child_id");
        api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken);
        variables.put("P", parent);
        variables.put("BUD", bud);
        variables.put("LANE", DelegationLane.of(VacantId.parse(parent), VacantId.parse(bud)).tasks());
        return variables;
    }

    /** The plan {@code planId} of the composite, once {@code done} holds (the answers come back asynchronously). */
    private JsonNode plan(String parent, String planId, Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode plan : api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken).body()
                    .get("plans")) {
                if (plan.get("plan_id").asText().equals(planId) && (done.test(plan) || System.nanoTime() > deadline)) {
                    return plan;
                }
            }
            Thread.sleep(100);
        }
    }

    @Test
    void delegationByHandExample_ofCompositeMd_takesTheSubtaskFromTheLane_andItsAnswerCompletesTheDelegation()
            throws Exception {
        Map<String, String> variables = compositeWithBud();
        List<String> commands = example("composite.md", "delegation-by-hand");

        JsonNode delegated = run(commands.get(0), variables);
        JsonNode task = run(commands.get(1), variables).get("tuple");
        variables.put("TASK", task.get("id").asText());
        JsonNode answer = run(commands.get(2), variables);
        JsonNode view = plan(variables.get("P"), delegated.get("plan_id").asText(), p -> p.get("complete").asBoolean());
        run(commands.get(3), variables);

        assertThat(task.at("/data/subtask").asText()).isEqualTo("summarise the paper");
        assertThat(answer.at("/tuple/parent_id").asText()).isEqualTo(variables.get("TASK"));
        assertThat(view.at("/delegations/0/result").asText()).isEqualTo("a summary");
        List<String> kinds = logbook(variables.get("BUD")).stream().map(e -> e.kind()).toList();
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("DELEGATION_COMPLETED");
    }

    @Test
    void delegationRunnerExample_ofCompositeMd_runsTheBudsSubtasksOnTheServer() throws Exception {
        Map<String, String> variables = compositeWithBud();
        List<String> commands = example("composite.md", "delegation-runner");

        JsonNode runner = run(commands.get(0), variables);
        JsonNode delegated = run(commands.get(1), variables);
        JsonNode view = plan(variables.get("P"), delegated.get("plan_id").asText(), p -> p.get("complete").asBoolean());

        assertThat(runner.get("lane").asText()).isEqualTo(variables.get("LANE"));
        assertThat(view.get("results").asText()).isEqualTo("done: part onedone: part two");
    }

    @Test
    void tupleOpsExample_ofTuplesMd_putsReadsAndTakesATuple() throws Exception {
        Map<String, String> variables = variables();
        String vacant = genesis(alice, "read");
        api.get("/api/v1/vacants/" + vacant + "?consistency=strong", aliceToken);
        variables.put("V", vacant);
        List<String> commands = example("tuples.md", "tuple-ops");

        JsonNode out = run(commands.get(0), variables).get("tuple");
        JsonNode read = run(commands.get(1), variables).get("tuple");
        JsonNode taken = run(commands.get(2), variables).get("tuple");

        assertThat(out.at("/data/text").asText()).isEqualTo("hello");
        assertThat(read.get("id")).isEqualTo(out.get("id"));
        assertThat(taken.get("id")).isEqualTo(out.get("id"));
        assertThat(api.post("/api/v1/lanes/demo/rd", aliceToken, Json.object().put("vacant", vacant)
                .set("template", Json.object().put("yool", "greeting").put("authority", vacant))).body().get("tuple")
                .isNull()).isTrue();
    }

    @Test
    void compositeFlowExample_ofCompositeMd_registersChecksConsentsGraduatesAndServesTheCard() throws Exception {
        Map<String, String> variables = compositeWithBud();
        String parent = variables.get("P");
        variables.put("B", genesis(alice, "read"));
        variables.put("C", api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken, Json.object().put("path", "D1")
                .put("policy_mutation", "be brief")).text("child_id"));
        api.get("/api/v1/vacants/" + variables.get("C") + "?consistency=strong", aliceToken);
        List<String> commands = example("composite.md", "composite-flow");

        JsonNode registered = run(commands.get(0), variables);
        JsonNode verdict = run(commands.get(1), variables);
        variables.put("PSIG", run(commands.get(2), variables).get("signature").asText());
        variables.put("CSIG", run(commands.get(3), variables).get("signature").asText());
        JsonNode graduated = run(commands.get(4), variables);
        api.get("/api/v1/composites/" + parent + "?consistency=strong", aliceToken);
        JsonNode card = run(commands.get(5), variables);

        assertThat(registered.at("/manifest/child_id").asText()).as(registered.toString()).isEqualTo(variables.get("C"));
        assertThat(registered.at("/manifest/closed_by_default").asBoolean()).isTrue();
        assertThat(verdict.get("allowed").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(graduated.at("/child/state").asText()).as(graduated.toString()).isEqualTo("ACTIVE");
        assertThat(card.get("id").asText()).as(card.toString()).isEqualTo(variables.get("BUD"));
        assertThat(card.get("description").asText()).isEqualTo("Finds papers");
        assertThat(Json.mapper().convertValue(card, CapabilityCard.class).verifies()).isTrue();
    }

    @Test
    void workedExample_ofTasksMd_decomposesTheTask_runsEachStepsSkill_approvesTheParent_andRewards() throws Exception {
        Map<String, String> variables = variables();
        variables.put("VAC", genesis(alice, "search"));
        List<String> commands = example("tasks.md", "worked-example");

        JsonNode parent = run(commands.get(0), variables);
        assertThat(parent.path("state").asText()).as(parent.toString()).isEqualTo("BLOCKED");
        List<String> subtasks = new ArrayList<>();
        parent.get("subtasks").forEach(id -> subtasks.add(id.asText()));
        assertThat(subtasks).hasSize(3);
        variables.put("TASK", parent.get("id").asText());
        variables.put("FIRST", subtasks.get(0));
        awaitTaskState(subtasks.get(0), "QUEUED");
        JsonNode first = run(commands.get(1), variables);
        assertThat(first.get("parent").asText()).isEqualTo(parent.get("id").asText());
        assertThat(first.get("tool_route").asText()).isEqualTo("tool");
        assertThat(first.get("tool_name").asText()).isEqualTo("json.validate");
        assertThat(first.get("tool_confidence_milli").asInt()).isEqualTo(1000);
        assertThat(first.get("min_budget_micros").asLong()).isEqualTo(1_000_000);
        assertThat(first.get("max_budget_micros").asLong()).isEqualTo(2_000_000);

        List<String> outputs = new ArrayList<>();
        for (String subtask : subtasks) {
            awaitTaskState(subtask, "QUEUED");
            outputs.add(playWorker(subtask));
        }
        assertThat(outputs.get(0)).isEqualTo("{\"valid\":true,\"type\":\"object\"}");
        assertThat(outputs.get(1)).isEqualTo("{\"characters\":22,\"words\":4,\"lines\":1,\"bytes\":22}");
        assertThat(outputs.get(2))
                .contains("\"sha256\":\"2317b95c0dd186b12bb4e47b216951ed6eb14f4e557ffa46e5b731f21a409911\"");

        Polling.awaitUntil("the parent is approved", Duration.ofSeconds(30),
                () -> "APPROVED".equals(runQuietly(commands.get(2), variables).path("state").asText()));
        assertThat(run(commands.get(2), variables).get("subtasks")).isEqualTo(parent.get("subtasks"));
        Polling.awaitUntil("the three grants are projected", Duration.ofSeconds(30),
                () -> runQuietly(commands.get(3), variables).path("grants").size() == 3);
        assertThat(run(commands.get(3), variables).get("balance_micros").asLong()).isEqualTo(3_000_000);
    }

    /** What the execution lane does with a routed subtask: take it, run its skill, record the output, approve. */
    private String playWorker(String taskId) {
        JsonNode submitted = ((TaskEvent) eventStore.readEvents(taskId).asStream().findFirst().orElseThrow()
                .getPayload()).entry().body().payload();
        String skill = submitted.at("/route/tool_name").asText();
        String output = taskContext.skills().skill(skill).orElseThrow()
                .run(SkillInput.of(submitted.at("/spec/prompt").asText())).json();
        commands.sendAndWait(new TakeTaskCommand(taskId, "docs-worker", Duration.ofMinutes(1)));
        commands.sendAndWait(new RecordTaskResultCommand(taskId, 1, output, 0, 0, 0));
        commands.sendAndWait(new ReviewTaskCommand(taskId, 1, ReviewVerdict.APPROVED, "non-empty, no error markers"));
        return output;
    }

    private void awaitTaskState(String taskId, String state) {
        Polling.awaitUntil(taskId + " is " + state, Duration.ofSeconds(30),
                () -> state.equals(api.get("/api/v1/tasks/" + taskId, aliceToken).text("state")));
    }

    private static JsonNode runQuietly(String command, Map<String, String> variables) {
        try {
            return run(command, variables);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
