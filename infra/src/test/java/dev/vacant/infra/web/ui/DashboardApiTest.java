package dev.vacant.infra.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.audit.StoreTampering;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What the operator dashboard reads besides the existing API: its static files (public), one chain's verification,
 * the projections' lag and the list of audit jobs (all behind the token).
 */
class DashboardApiTest extends VacantApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
    }

    @Test
    void dashboardFiles_areServedWithoutAToken_whileItsDataCallsNeedOne() throws Exception {
        HttpResponse<String> bare = fetch("/ui");
        HttpResponse<String> page = fetch("/ui/");

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dashboard.js", "/webjars/cytoscape/", "/webjars/cytoscape-dagre/");
        for (String file : List.of("/ui/dashboard.js", "/ui/dashboard.css", "/webjars/cytoscape/dist/cytoscape.min.js",
                "/webjars/dagre/dist/dagre.min.js", "/webjars/cytoscape-dagre/2.1.0/cytoscape-dagre.js")) {
            assertThat(fetch(file).statusCode()).as(file).isEqualTo(200);
        }
        for (String data : List.of("/api/v1/vacants", "/api/v1/projections", "/api/v1/audit/replays", "/api/v1/space/snapshot")) {
            Response refused = api.get(data, null);
            assertThat(refused.status()).as(data).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void logbookVerification_verifiesTheStoredChain_upToItsHead() {
        String id = genesis();
        Response heartbeat = api.post("/api/v1/vacants/" + id + "/heartbeats", aliceToken, null);
        // the verification answers for a vacant the registry shows: wait until it does (read-your-writes)
        assertThat(api.get("/api/v1/vacants/" + id + "?consistency=strong", aliceToken).status()).isEqualTo(200);

        JsonNode verification = api.get("/api/v1/vacants/" + id + "/logbook/verification", aliceToken).body();

        assertThat(verification.path("verified").asBoolean()).isTrue();
        assertThat(verification.path("entries").asLong()).isEqualTo(2);
        JsonNode head = heartbeat.body().path("logbook_head");
        assertThat(verification.path("head").path("seq")).isEqualTo(head.path("seq"));
        assertThat(verification.path("head").path("hash")).isEqualTo(head.path("hash"));
        assertThat(verification.path("failures")).isEmpty();
    }

    @Test
    void logbookVerification_locatesATamperedEntry() {
        String id = genesis();
        api.post("/api/v1/vacants/" + id + "/heartbeats", aliceToken, null);
        assertThat(api.get("/api/v1/vacants/" + id + "?consistency=strong", operator).status()).isEqualTo(200);
        StoreTampering store = new StoreTampering(jdbc);
        String signature = store.entryField(id, 1, "sig");
        String forged = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        JsonNode verification;
        try (StoreTampering.Undo undo = store.replaceText(id, 1, signature, forged)) {
            verification = api.get("/api/v1/vacants/" + id + "/logbook/verification", operator).body();
        }

        assertThat(verification.path("verified").asBoolean()).isFalse();
        assertThat(verification.path("failures")).isNotEmpty().allSatisfy(failure -> assertThat(failure.path("seq").asLong()).isEqualTo(1));
        assertThat(StreamSupport.stream(verification.path("failures").spliterator(), false)
                .map(failure -> failure.path("reason").asText())).contains("BAD_SIGNATURE");
    }

    @Test
    void logbookVerification_answersLikeAnUnknownVacant_toWhoeverMayNotSeeIt() {
        // a LOCAL vacant is not listed: only its controller and operators see it, once the registry shows it
        String id = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, "LOCAL", "read")).text("id");
        assertThat(api.get("/api/v1/vacants/" + id + "?consistency=strong", operator).status()).isEqualTo(200);

        Response stranger = api.get("/api/v1/vacants/" + id + "/logbook/verification", bobToken);
        Response malformed = api.get("/api/v1/vacants/not-an-id/logbook/verification", operator);

        assertThat(stranger.status()).as(String.valueOf(stranger.body())).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("NOT_FOUND");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void projections_reportTheLagOfTheSharedProcessor_toOperatorsOnly() {
        long position = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).body()
                .path("position").asLong();

        Polling.awaitUntil("the projections apply the genesis", PATIENCE, () -> {
            JsonNode item = api.get("/api/v1/projections", operator).body().path("items").path(0);
            return item.path("lag").asLong() == 0 && item.path("head").asLong() >= position;
        });
        JsonNode item = api.get("/api/v1/projections", operator).body().path("items").path(0);
        Response controller = api.get("/api/v1/projections", aliceToken);

        assertThat(item.path("processor").asText()).isEqualTo("projections");
        assertThat(item.path("projections")).extracting(JsonNode::asText)
                .containsExactly("registry", "logbook", "lineage", "composite");
        assertThat(item.path("position").asLong()).isEqualTo(item.path("head").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(controller.status()).isEqualTo(403);
        assertThat(controller.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void auditReplays_areListedNewestFirst_withTheirProgress_toOperatorsOnly() {
        genesis();
        String first = api.post("/api/v1/audit/replays", operator, null).text("job");
        String second = api.post("/api/v1/audit/replays", operator, null).text("job");

        Polling.awaitUntil("both audit jobs are done", PATIENCE, () -> api.get("/api/v1/audit/replays/" + second, operator)
                .text("status").equals("DONE"));
        JsonNode items = api.get("/api/v1/audit/replays", operator).body().path("items");
        Response controller = api.get("/api/v1/audit/replays", aliceToken);

        assertThat(items.path(0).path("job").asText()).isEqualTo(second);
        assertThat(items.path(1).path("job").asText()).isEqualTo(first);
        JsonNode progress = items.path(0).path("progress");
        assertThat(progress.path("events_read").asLong()).isPositive().isEqualTo(progress.path("events_total").asLong());
        assertThat(items.path(0).path("report").has("entries_verified")).isTrue();
        assertThat(controller.status()).isEqualTo(403);
    }
}
