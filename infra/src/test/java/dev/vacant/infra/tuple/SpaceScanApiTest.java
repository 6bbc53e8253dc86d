package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lane-less scan over REST ({@code GET /tuples}): every lane the vacant may use, in lane order. Each test
 * writes its own yool, so tuples of other tests never show.
 */
class SpaceScanApiTest extends VacantApiTestBase {

    private String vacant;
    private String prefix;
    private String yool;

    @BeforeEach
    void aliceVacant() {
        vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, "LOCAL", "read"))
                .text("id");
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", operator).status()).isEqualTo(200);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        prefix = "scan-" + suffix + "-";
        yool = "job-" + suffix;
    }

    private void out(String lane, int n, ObjectNode extra) {
        ObjectNode body = Json.object().put("vacant", vacant).put("yool", yool).setAll(extra);
        body.putObject("data").put("n", n);
        body.putArray("map").add(1);
        Response written = api.post("/api/v1/lanes/" + prefix + lane + "/out", aliceToken, body);
        assertThat(written.status()).as(String.valueOf(written.body())).isEqualTo(201);
    }

    private void out(String lane, int n) {
        out(lane, n, Json.object());
    }

    private Response scan(String query) {
        return api.get("/api/v1/tuples?vacant=" + vacant + "&yool=" + yool + query, aliceToken);
    }

    private static List<String> lanesAndNumbers(Response scanned) {
        assertThat(scanned.status()).as(String.valueOf(scanned.body())).isEqualTo(200);
        return StreamSupport.stream(scanned.body().get("tuples").spliterator(), false)
                .map((JsonNode t) -> t.get("lane").asText() + "#" + t.at("/data/n").asInt()).toList();
    }

    @Test
    void scan_listsTheTuplesOfEveryLane_inLaneThenWriteOrder() {
        out("b", 1);
        out("a", 2);
        out("b", 3);

        assertThat(lanesAndNumbers(scan(""))).containsExactly(prefix + "a#2", prefix + "b#1", prefix + "b#3");
        assertThat(lanesAndNumbers(scan("&limit=2"))).containsExactly(prefix + "a#2", prefix + "b#1");
    }

    @Test
    void scan_leavesOutLanesGuardedByAWallTheVacantHoldsNoCapabilityOf_insteadOfFailing() {
        out("a", 1);
        out("b", 2);
        out("c", 3);
        out("c", 4);
        api.post("/api/v1/walls/" + prefix + "b/hook", operator, Json.object().put("capability", "write"));
        api.post("/api/v1/walls/" + prefix + "c/hook", operator, Json.object().put("capability", "read"));

        assertThat(lanesAndNumbers(scan(""))).containsExactly(prefix + "a#1", prefix + "c#3", prefix + "c#4");
        assertThat(lanesAndNumbers(scan("&limit=2"))).containsExactly(prefix + "a#1", prefix + "c#3");
    }

    @Test
    void scan_hidesTuplesWhoseLeaseRanOut() {
        out("a", 1, Json.object().put("lease_ms", 1_000));
        out("a", 2);

        clock.advance(Duration.ofMillis(1_001));

        assertThat(lanesAndNumbers(scan(""))).containsExactly(prefix + "a#2");
    }

    @Test
    void scan_isValidationFailed_whenTheLimitIsOutsideOneToAThousand() {
        for (String limit : List.of("0", "1001")) {
            Response refused = scan("&limit=" + limit);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void scan_isForbidden_forAVacantTheCallerDoesNotControl() {
        Response refused = api.get("/api/v1/tuples?vacant=" + vacant, bobToken);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }
}
