package dev.vacant.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Registry, logbook and drift reads on PostgreSQL: read-your-writes, filters, keyset pages, visibility. */
class RegistryQueryApiTest extends VacantApiTestBase {

    @Autowired
    VacantTimerPoller poller;

    private String genesis(String state) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, state, "read", "search")).text("id");
    }

    @Test
    void vacant_reflectsItsOwnWrites_whenTheQueryPassesTheCommandPosition() {
        String id = genesis(null);
        Response beat = api.post("/api/v1/vacants/" + id + "/heartbeats", aliceToken, null);
        // the position to read at is the heartbeat's own entry in the store, not a later head
        assertThat(beat.body().path("position").asLong())
                .isEqualTo(beat.body().path("logbook_head").path("global_index").asLong()).isPositive();

        Response view = api.get("/api/v1/vacants/" + id + "?position=" + beat.body().get("position").asLong(), aliceToken);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("state")).isEqualTo("ACTIVE");
        assertThat(view.text("controller")).isEqualTo(alice);
        assertThat(view.body().path("heartbeat_count").asLong()).isEqualTo(1);
        assertThat(view.body().path("logbook_head").path("seq").asLong()).isEqualTo(1);
        assertThat(view.body().path("logbook_head").path("hash").asText())
                .isEqualTo(beat.body().path("logbook_head").path("hash").asText());
        assertThat(view.body().path("substrate").path("model_family").asText()).isEqualTo("gpt");
        assertThat(view.body().path("bundle").path("tool_whitelist").toString()).isEqualTo("[\"read\",\"search\"]");
    }

    @Test
    void vacant_servesItsBundleFromMemoryOnceRead_asABundleIsContentAddressed() {
        ObjectNode body = VacantFixtures.genesis(alice, null, "read");
        ((ObjectNode) body.get("bundle")).put("system_prompt", "Remembered " + UUID.randomUUID());
        String id = api.post("/api/v1/vacants/genesis", operator, body).text("id");
        Response first = api.get("/api/v1/vacants/" + id + "?consistency=strong", aliceToken);
        String digest = first.text("bundle_digest");
        Map<String, Object> stored = jdbc.queryForMap("select kind, content from vacant_content where digest = ?", digest);
        jdbc.update("delete from vacant_content where digest = ?", digest);
        try {
            Response second = api.get("/api/v1/vacants/" + id, aliceToken);

            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body().path("bundle")).isEqualTo(first.body().path("bundle"));
            assertThat(second.body().path("bundle").path("system_prompt").asText()).startsWith("Remembered ");
        } finally {
            jdbc.update("insert into vacant_content (digest, kind, content) values (?, ?, ?)", digest, stored.get("kind"),
                    stored.get("content"));
        }
    }

    @Test
    void list_filtersAndPagesByKeyset_withoutGapsOrDuplicates() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(genesis(null));
        }
        mine.add(genesis("LOCAL"));
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Response page = api.get("/api/v1/vacants?controller=" + alice + "&state=ACTIVE&limit=2&consistency=strong"
                    + (after == null ? "" : "&after=" + after), aliceToken);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(item -> seen.add(item.get("id").asText()));
            after = page.body().get("next_after").isNull() ? null : page.text("next_after");
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(mine.subList(0, 5).stream().sorted().toList());
        assertThat(api.get("/api/v1/vacants?state=ASLEEP", aliceToken).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/vacants?limit=0", aliceToken).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/vacants?consistency=sometimes", aliceToken).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/composites/" + mine.get(0) + "?consistency=sometimes", aliceToken).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void otherControllers_seeListedVacantsOnly_andNotFoundForTheRest() {
        String listed = genesis(null);
        String local = genesis("LOCAL");
        String bud = api.post("/api/v1/vacants/" + listed + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");
        api.get("/api/v1/vacants/" + bud + "?consistency=strong", operator);

        assertThat(api.get("/api/v1/vacants/" + listed, bobToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/vacants/" + local, bobToken).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/" + bud, bobToken).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/" + bud + "/logbook", bobToken).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/" + bud, aliceToken).text("state")).isEqualTo("LOCAL");
        JsonNode bobsView = api.get("/api/v1/vacants?controller=" + alice + "&limit=500", bobToken).body().get("items");
        assertThat(bobsView.findValuesAsText("id")).contains(listed).doesNotContain(local, bud);
        String children = "/api/v1/vacants/" + listed + "/lineage?direction=children&consistency=strong";
        assertThat(api.get(children, aliceToken).body().get("items").findValuesAsText("id")).contains(bud);
        assertThat(api.get(children, bobToken).body().get("items").findValuesAsText("id")).doesNotContain(bud);
        String tree = "/api/v1/vacants/" + listed + "/lineage?format=tree&depth=2&consistency=strong";
        assertThat(api.get(tree, aliceToken).body().toString()).contains(bud);
        Response bobsTree = api.get(tree, bobToken);
        assertThat(bobsTree.status()).isEqualTo(200);
        assertThat(bobsTree.body().toString()).contains(listed).doesNotContain(bud);
        assertThat(api.get("/api/v1/vacants/" + local + "/lineage", bobToken).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/vac_" + "a".repeat(52), operator).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/not-an-id", operator).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void logbook_servesRawEntries_thatVerifyAsAChain_pageByPage() {
        String id = genesis(null);
        for (int i = 0; i < 4; i++) {
            api.post("/api/v1/vacants/" + id + "/calls", aliceToken, null);
        }

        Response first = api.get("/api/v1/vacants/" + id + "/logbook?limit=3&consistency=strong", aliceToken);
        Response rest = api.get("/api/v1/vacants/" + id + "/logbook?from_seq=" + first.body().get("next_from_seq").asLong(),
                aliceToken);

        List<LogbookEntry> entries = new ArrayList<>();
        for (Response page : List.of(first, rest)) {
            for (JsonNode e : page.body().get("entries")) {
                entries.add(new LogbookEntry(Json.mapper().convertValue(e.get("body"), LogbookBody.class),
                        e.get("sig").asText(), e.get("hash").asText()));
            }
        }
        assertThat(entries).extracting(LogbookEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(ChainVerifier.verify(id, entries)).isEmpty();
    }

    @Test
    void drift_showsTheAnchorAndTheLatestDrift_afterADriftingSample() {
        String id = genesis(null);
        for (String text : DriftFixtures.PROSE.subList(0, 20)) {
            api.post("/api/v1/vacants/" + id + "/samples", aliceToken, Json.object().put("text", text));
        }
        api.post("/api/v1/vacants/" + id + "/samples", aliceToken, Json.object().put("text", DriftFixtures.TERSE.get(0)));

        Response drift = api.get("/api/v1/vacants/" + id + "/drift?consistency=strong", aliceToken);

        assertThat(drift.status()).isEqualTo(200);
        assertThat(drift.body().get("anchor_count").asInt()).isEqualTo(20);
        assertThat(drift.body().get("anchor_complete").asBoolean()).isTrue();
        assertThat(drift.body().get("anchor_mean")).hasSize(16);
        assertThat(drift.body().get("drifting").asBoolean()).isTrue();
        assertThat(drift.body().get("drift_detections").asLong()).isEqualTo(1);
        assertThat(drift.body().get("samples").asLong()).isEqualTo(21);
        assertThat(drift.body().get("latest_drift_milli").asLong()).isGreaterThanOrEqualTo(6000);
    }

    @Test
    void defaultList_hidesArchivedVacantsForOperatorsAndOwners_whileStateArchivedShowsThem() {
        String archived = genesis(null);
        for (Duration step : List.of(Duration.ofHours(2), Duration.ofDays(8), Duration.ofDays(31))) {
            clock.advance(step);
            poller.fireDue();
        }
        clock.advance(Duration.ofDays(91));
        assertThat(api.post("/api/v1/vacants/" + archived + "/archive", operator, null).status()).isEqualTo(200);
        String live = genesis(null);
        String mine = "/api/v1/vacants?controller=" + alice + "&limit=500&consistency=strong";

        for (String token : List.of(operator, aliceToken)) {
            List<String> listed = api.get(mine, token).body().get("items").findValuesAsText("id");
            assertThat(listed).contains(live).doesNotContain(archived);
            assertThat(api.get(mine + "&state=ARCHIVED", token).body().get("items").findValuesAsText("id"))
                    .containsExactly(archived);
        }
    }
}
