package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.Consent;
import dev.vacant.grpc.vacants.v1.LogbookEntry;
import dev.vacant.grpc.vacants.v1.LogbookRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.Spawned;
import dev.vacant.grpc.vacants.v1.VacantRef;
import dev.vacant.grpc.vacants.v1.VacantState;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.D4Consents;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The REST story ({@code VacantStoryTest}) told twice, once over HTTP and once through a grpc-java client on
 * loopback: genesis, a D2 bud, a D4 merge, calls, dormancy with a moved clock, revive. Both tellings leave the same
 * logbooks (kinds and state changes, vacant by vacant), every chain verifies, and the gRPC {@code Logbook} answers
 * exactly the entries REST answers.
 */
class GrpcStoryTest extends GrpcApiTestBase {

    @Autowired
    VacantTimerPoller poller;
    @Autowired
    KeyCustody custody;

    /** The four vacants of a story, in their roles. */
    private record Cast(String a, String b, String bud, String merged) {
        List<String> all() {
            return List.of(a, b, bud, merged);
        }
    }

    @Test
    void story_overGrpc_leavesTheSameLogbooksAsOverRest() {
        Cast rest = restStory();
        Map<String, List<String>> restLogbooks = shapes(rest);
        Cast grpc = grpcStory();

        assertThat(shapes(grpc)).isEqualTo(restLogbooks);
        for (String vacant : grpc.all()) {
            assertThat(ChainVerifier.verify(vacant, logbook(vacant))).as(vacant).isEmpty();
            assertThat(grpcLogbook(vacant)).as(vacant).isEqualTo(restLogbook(vacant));
        }
    }

    private Cast restStory() {
        String a = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search", "read")).text("id");
        String b = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "write")).text("id");
        Response bud = api.post("/api/v1/vacants/" + a + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("search")));
        ObjectNode merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "Both.");
        merge.set("consent", D4Consents.consent(custody, clock, a, b, "rest-story"));
        String merged = api.post("/api/v1/vacants/" + a + "/spawn", aliceToken, merge).text("child_id");
        assertThat(api.post("/api/v1/vacants/" + merged + "/calls", aliceToken, Json.object().put("caller", a)).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/vacants/" + a + "/calls", aliceToken, null).status()).isEqualTo(200);
        sleepThroughDormancy();
        assertThat(api.post("/api/v1/vacants/" + a + "/revive", aliceToken, null).text("state")).isEqualTo("ACTIVE");
        return new Cast(a, b, bud.text("child_id"), merged);
    }

    private Cast grpcStory() {
        VacantState genesisA = vacants(operator).genesis(genesis(alice, "search", "read"));
        String a = genesisA.getId();
        String b = vacants(operator).genesis(genesis(alice, "write")).getId();
        assertThat(genesisA.getState()).isEqualTo("ACTIVE");
        assertThat(genesisA.getLogbookHead().getSeq()).isZero();
        assertThat(genesisA.getPosition()).isPositive();

        Spawned bud = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(a).setPath("D2").addNarrowedTools("search").build());
        assertThat(bud.getChild().getState()).isEqualTo("LOCAL");
        JsonNode consent = D4Consents.consent(custody, clock, a, b, "grpc-story");
        Spawned merged = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(a).setPath("D4").setParentB(b)
                .setMergedSystemPrompt("Both.").setConsent(Consent.newBuilder().setNonce(consent.get("nonce").asText())
                        .setExpiresAt(consent.get("expires_at").asText()).setSignature(consent.get("signature").asText()))
                .build());
        assertThat(merged.getChildId()).isEqualTo(merged.getChild().getId());

        vacants(aliceToken).call(CallRequest.newBuilder().setId(merged.getChildId()).setCaller(a).build());
        vacants(aliceToken).call(CallRequest.newBuilder().setId(a).build());
        sleepThroughDormancy();
        assertThat(vacants(aliceToken).revive(VacantRef.newBuilder().setId(a).build()).getState()).isEqualTo("ACTIVE");
        return new Cast(a, b, bud.getChildId(), merged.getChildId());
    }

    private void sleepThroughDormancy() {
        clock.advance(Duration.ofHours(2));
        assertThat(poller.fireDue()).isGreaterThanOrEqualTo(3);
        clock.advance(Duration.ofDays(8));
        poller.fireDue();
    }

    /** Each role's logbook as its kinds and the states its transitions went to. */
    private Map<String, List<String>> shapes(Cast cast) {
        return Map.of("a", shape(cast.a()), "b", shape(cast.b()), "bud", shape(cast.bud()), "merged", shape(cast.merged()));
    }

    private List<String> shape(String vacant) {
        List<String> shape = new ArrayList<>();
        logbook(vacant).forEach(entry -> shape.add(entry.kind() + entry.body().payload().path("to").asText("")));
        return shape;
    }

    private List<JsonNode> grpcLogbook(String vacant) {
        List<LogbookEntry> entries = vacants(aliceToken).logbook(LogbookRequest.newBuilder().setId(vacant)
                .setConsistency("strong").build()).getEntriesList();
        // through text, so that numbers compare as REST's parsed ones do
        return entries.stream().map(entry -> Json.parse(Json.object().put("seq", entry.getSeq()).put("sig", entry.getSig())
                .put("hash", entry.getHash()).set("body", Json.parse(entry.getBody())).toString())).toList();
    }

    private List<JsonNode> restLogbook(String vacant) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("/api/v1/vacants/" + vacant + "/logbook?consistency=strong", aliceToken).body().get("entries")
                .forEach(entries::add);
        return entries;
    }
}
