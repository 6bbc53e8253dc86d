package dev.vacant.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.grpc.GrpcApiTestBase;
import dev.vacant.infra.grpc.GrpcWatches;
import dev.vacant.infra.support.Polling;
import dev.vacant.kernel.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The CLI's gRPC client commands against the live server of the test context, with their exit codes. */
class CliClientTest extends GrpcApiTestBase {

    @Autowired
    GrpcWatches watches;

    private record Run(int exit, String out, String err) {
        JsonNode json() {
            return Json.parse(out.trim());
        }

        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            out.lines().forEach(line -> lines.add(Json.parse(line)));
            return lines;
        }
    }

    private Run vacant(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--target", "127.0.0.1:" + grpcServer.port(), "--token", token));
        return run(all.toArray(String[]::new));
    }

    private String genesis() {
        Run created = vacant(operator, "genesis", "--json", "--controller", alice, "--system-prompt", "Careful.",
                "--tool", "read", "--provider", "openai", "--model", "gpt-x", "--model-family", "gpt");
        assertThat(created.exit()).as(created.err()).isZero();
        return created.json().get("id").asText();
    }

    @Test
    void vacantCommands_runAgainstTheServer() {
        String id = genesis();

        Run shown = vacant(aliceToken, "show", id, "--json");
        Run called = vacant(aliceToken, "call", id, "--json");
        Run spawned = vacant(aliceToken, "spawn", id, "--path", "D1", "--policy-mutation", "allow: all", "--json");
        Run listed = vacant(aliceToken, "list", "--controller", alice, "--json");
        Run logbook = vacant(aliceToken, "logbook", id, "--json");
        Run lineage = vacant(aliceToken, "lineage", id, "--json");
        Run watched = vacant(aliceToken, "watch", id, "--from-seq", "1", "--count", "2", "--json");
        Run text = vacant(aliceToken, "show", id);

        assertThat(List.of(shown, called, spawned, listed, logbook, lineage, watched, text)).allSatisfy(run ->
                assertThat(run.exit()).as(run.err()).isZero());
        assertThat(shown.json().get("controller").asText()).isEqualTo(alice);
        assertThat(called.json().at("/logbook_head/seq").asLong()).isEqualTo(1);
        String child = spawned.json().get("child_id").asText();
        assertThat(listed.json().get("items")).extracting(item -> item.get("id").asText()).contains(id, child);
        assertThat(logbook.json().get("entries")).extracting(entry -> Json.parse(entry.get("body").asText()).get("kind").asText())
                .startsWith("GENESIS", "CALL_RECEIVED", "SPAWN");
        assertThat(lineage.json().get("items")).singleElement().satisfies(link -> assertThat(link.get("id").asText()).isEqualTo(child));
        assertThat(watched.lines()).extracting(change -> change.at("/entry/seq").asLong()).containsExactly(1L, 2L);
        assertThat(text.out()).contains("id: \"" + id + "\"");
    }

    @Test
    void tupleCommands_runAgainstTheServer() throws Exception {
        String id = genesis();
        api.get("/api/v1/vacants/" + id + "?consistency=strong", aliceToken);
        String lane = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        int openWatches = watches.openWatches();
        CompletableFuture<Run> watching = CompletableFuture.supplyAsync(() ->
                vacant(aliceToken, "tuple", "watch", lane, "--vacant", id, "--count", "1", "--json"));
        Polling.awaitUntil("the watch is open", Duration.ofSeconds(10), () -> watches.openWatches() > openWatches);

        Run out = vacant(aliceToken, "tuple", "out", lane, "--vacant", id, "--yool", "job", "--map", "3,4",
                "--data", "{\"n\": 7}", "--json");
        Run watched = watching.get(10, TimeUnit.SECONDS);
        Run read = vacant(aliceToken, "tuple", "rd", lane, "--vacant", id, "--yool", "job", "--json");
        Run taken = vacant(aliceToken, "tuple", "in", lane, "--vacant", id, "--yool", "job", "--json");
        Run empty = vacant(aliceToken, "tuple", "in", lane, "--vacant", id, "--json");

        assertThat(List.of(out, read, watched, taken, empty)).allSatisfy(run -> assertThat(run.exit()).as(run.err()).isZero());
        String tuple = out.json().at("/tuple/id").asText();
        assertThat(out.json().at("/tuple/data/n").asLong()).isEqualTo(7);
        assertThat(out.json().at("/tuple/map")).hasSize(2);
        assertThat(read.json().at("/tuple/id").asText()).isEqualTo(tuple);
        assertThat(watched.json().get("id").asText()).isEqualTo(tuple);
        assertThat(taken.json().at("/tuple/id").asText()).isEqualTo(tuple);
        assertThat(empty.json().has("tuple")).isFalse();
    }

    @Test
    void exitCodes_tellUsageErrors_rejections_andFailuresApart() {
        String id = genesis();

        Run usage = vacant(aliceToken, "spawn", id);
        Run rejected = vacant(bobToken, "call", id);
        Run heartbeat = vacant(aliceToken, "heartbeat", id);
        Run tooSoon = vacant(aliceToken, "heartbeat", id);
        Run unreachable = run("show", id, "--target", "127.0.0.1:1", "--token", aliceToken);

        assertThat(heartbeat.exit()).as(heartbeat.err()).isZero();
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(rejected.exit()).isEqualTo(ClientCommand.EXIT_REJECTED);
        assertThat(rejected.err()).startsWith("rejected: FORBIDDEN: ");
        assertThat(tooSoon.exit()).isEqualTo(ClientCommand.EXIT_REJECTED);
        assertThat(tooSoon.err()).startsWith("rejected: HEARTBEAT_TOO_SOON: ");
        assertThat(unreachable.exit()).isEqualTo(ClientCommand.EXIT_FAILED);
        assertThat(unreachable.err()).startsWith("failed: UNAVAILABLE");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VacantCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
