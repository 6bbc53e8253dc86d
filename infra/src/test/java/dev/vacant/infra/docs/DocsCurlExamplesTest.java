package dev.vacant.infra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
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
import org.junit.jupiter.api.Test;

/**
 * Runs the copy-paste curl examples of {@code docs/} with real curl against the running server: every fenced
 * {@code sh} block after a {@code <!-- run by DocsCurlExamplesTest: NAME -->} marker, one command at a time, with
 * the shell variables the example names.
 */
class DocsCurlExamplesTest extends VacantApiTestBase {

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
}
