package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.GraduationRequests;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.infra.audit.AuditProgress;
import dev.vacant.infra.audit.AuditReplay;
import dev.vacant.infra.audit.AuditReport;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.Projector;
import javax.sql.DataSource;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.vacant.Payloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A composite's story over HTTP on PostgreSQL: genesis, D2 buds registered by their spawn, delegation in parallel,
 * a bud denied a call outside its tree, buds developing their own style, graduation past the collusion gate (a
 * look-alike held back by same_stylo), the sliding rate limit on a moved clock; then every touched chain verifies.
 */
class CompositeStoryTest extends VacantApiTestBase {

    private static final int PARALLEL = 16;

    @Autowired
    KeyCustody custody;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    DataSource dataSource;

    private final Set<String> touched = new LinkedHashSet<>();

    private String path(String parent, String rest) {
        return "/api/v1/composites/" + parent + rest;
    }

    private String bud(String parent) {
        Response bud = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("search")));
        assertThat(bud.status()).as(String.valueOf(bud.body())).isEqualTo(201);
        return touch(bud.text("child_id"));
    }

    private String touch(String vacant) {
        touched.add(vacant);
        return vacant;
    }

    private void samples(String vacant, List<String> texts) {
        texts.forEach(text -> assertThat(api.post("/api/v1/vacants/" + vacant + "/samples", aliceToken,
                Json.object().put("text", text)).status()).isEqualTo(200));
    }

    private Response graduate(String parent, String child, String text) {
        return api.post(path(parent, "/graduations"), aliceToken, GraduationRequests.signed(custody, parent, child, text));
    }

    private Response outbound(String parent, String caller, String callee) {
        return api.post(path(parent, "/outbound-checks"), aliceToken, Json.object().put("caller", caller).put("callee", callee));
    }

    private LogbookEntry last(String vacant) {
        List<LogbookEntry> entries = logbook(vacant);
        return entries.get(entries.size() - 1);
    }

    @Test
    void compositeStory_keepsEveryChainValid_fromBudsToGraduation() throws Exception {
        String parent = touch(api.post("/api/v1/vacants/genesis", operator,
                VacantFixtures.genesis(alice, null, "search", "read")).text("id"));
        String stranger = touch(api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id"));
        samples(parent, DriftFixtures.PROSE.subList(0, 20));

        // D2 buds join the composite at once; a D1 child joins with a manifest signed by both parties
        List<String> buds = IntStream.range(0, 5).mapToObj(i -> bud(parent)).toList();
        String clone = touch(api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D1").put("policy_mutation", "be brief")).text("child_id"));
        ChildManifest manifest = ChildManifest.v2(VacantId.parse(parent), VacantId.parse(clone), SpawnPath.D1, true,
                        List.of("read"), ChildManifest.Axes.SELF_GROWN, clock.instant())
                .signedBy(custody.signer(VacantId.parse(parent)), custody.signer(VacantId.parse(clone)));
        Response registered = api.post(path(parent, "/children"), aliceToken, Json.object().set("manifest", Payloads.toJson(manifest)));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        assertThat(api.post(path(parent, "/children"), aliceToken, Json.object().set("manifest", Payloads.toJson(manifest)))
                .code()).isEqualTo("CONFLICT");
        JsonNode composite = api.get(path(parent, "?consistency=strong"), aliceToken).body();
        assertThat(composite.get("children")).hasSize(6);
        assertThat(composite.get("children").get(0).path("axes").path("outbound_policy").asText()).isEqualTo("NO_EXTERNAL");
        assertThat(api.get(path(parent, ""), bobToken).code()).isEqualTo("NOT_FOUND");

        // delegate in parallel: 16 clients at once, and one parallel plan whose results aggregate in plan order
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Response>> clients = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            ObjectNode single = Json.object().put("child", buds.get(i % 4)).put("subtask", "subtask " + i);
            clients.add(pool.submit(() -> api.post(path(parent, "/delegations"), aliceToken, single)));
        }
        for (Future<Response> client : clients) {
            assertThat(client.get().status()).as(String.valueOf(client.get().body())).isEqualTo(201);
        }
        pool.shutdown();
        ObjectNode planBody = Json.object().put("parallel", true).put("aggregate", "list");
        planBody.putArray("plan").add(Json.object().put("child", buds.get(0)).put("subtask", "find"))
                .add(Json.object().put("child", buds.get(1)).put("subtask", "read"));
        Response plan = api.post(path(parent, "/delegations"), aliceToken, planBody);
        assertThat(plan.status()).isEqualTo(201);
        for (int i = 1; i >= 0; i--) {
            JsonNode delegation = plan.body().get("delegations").get(i);
            Response done = api.post(path(parent, "/delegations/" + delegation.get("delegation_id").asText() + "/completion"),
                    aliceToken, Json.object().put("child", delegation.get("child").asText()).put("result", "result " + i));
            assertThat(done.status()).isEqualTo(200);
        }
        List<LogbookEntry> parentChain = logbook(parent);
        assertThat(parentChain.stream().filter(e -> e.kind().equals("DELEGATED"))).hasSize(PARALLEL + 2);
        IntStream.range(0, parentChain.size()).forEach(seq -> assertThat(parentChain.get(seq).seq()).isEqualTo(seq));
        assertThat(ChainVerifier.verify(parent, parentChain)).isEmpty();
        JsonNode plans = api.get(path(parent, "?consistency=strong"), aliceToken).body().get("plans");
        JsonNode aggregated = plans.get(plans.size() - 1);
        assertThat(plans).hasSize(PARALLEL + 1);
        assertThat(aggregated.get("plan_id").asText()).isEqualTo(plan.text("plan_id"));
        assertThat(aggregated.get("parallel").asBoolean()).isTrue();
        assertThat(aggregated.get("complete").asBoolean()).isTrue();
        assertThat(aggregated.get("results").get(0).asText()).isEqualTo("result 0");
        assertThat(aggregated.get("results").get(1).asText()).isEqualTo("result 1");

        // a bud tries to call outside its tree: denied, recorded, counted; its parent it may call
        String caller = buds.get(0);
        Response denied = outbound(parent, caller, stranger);
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.body().get("allowed").asBoolean()).isFalse();
        assertThat(denied.code()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(last(caller).kind()).isEqualTo("OUTBOUND_DENIED");
        assertThat(outbound(parent, caller, parent).body().get("allowed").asBoolean()).isTrue();
        assertThat(outbound(parent, caller, "vac_" + "a".repeat(52)).code()).isEqualTo("NOT_FOUND");
        JsonNode counted = api.get(path(parent, "?consistency=strong"), aliceToken).body().get("children");
        JsonNode callerView = counted.findParents("child_id").stream()
                .filter(child -> child.get("child_id").asText().equals(caller)).findFirst().orElseThrow();
        assertThat(callerView.path("outbound").path("denied").asLong()).isEqualTo(1);
        assertThat(callerView.path("outbound").path("allowed").asLong()).isEqualTo(1);

        // buds develop their own style; a look-alike still writes like its parent
        for (String own : List.of(buds.get(0), buds.get(2), buds.get(3), buds.get(4))) {
            samples(own, DriftFixtures.TERSE);
        }
        String lookAlike = buds.get(1);
        samples(lookAlike, DriftFixtures.PROSE.subList(20, 26));

        long before = storedEvents();
        Response held = graduate(parent, lookAlike, "Reads like its parent");
        assertRejected(before, held, 422, "GRADUATION_COLLUSION");
        assertThat(held.body().get("same_stylo").asDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(held.body().get("same_controller").asDouble()).isEqualTo(0.6);
        assertThat(held.body().get("same_substrate").asDouble()).isEqualTo(0.5);

        Response passed = graduate(parent, caller, "Finds papers");
        assertThat(passed.status()).as(String.valueOf(passed.body())).isEqualTo(200);
        assertThat(passed.body().path("child").path("state").asText()).isEqualTo("ACTIVE");
        assertThat(passed.body().path("signals").path("same_stylo").asDouble()).isLessThan(0.7);
        assertThat(last(caller).kind()).isEqualTo("GRADUATED");
        assertThat(last(parent).kind()).isEqualTo("GRADUATED");
        Response card = api.get("/api/v1/vacants/" + caller + "/card?consistency=strong", bobToken);
        assertThat(card.status()).isEqualTo(200);
        CapabilityCard served = Json.mapper().treeToValue(card.body(), CapabilityCard.class);
        assertThat(served.verifies()).isTrue();
        assertThat(served.id()).isEqualTo(caller);
        assertThat(served.description()).isEqualTo("Finds papers");
        JsonNode listed = api.get("/api/v1/vacants/" + caller, bobToken).body();
        assertThat(listed.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.get("registry_visibility").asText()).isEqualTo("PUBLIC");
        assertThat(api.get("/api/v1/vacants/" + buds.get(2) + "/card", bobToken).code()).isEqualTo("NOT_FOUND");

        // the sliding rate limit: three graduations in 24 hours, the fourth waits until the first slides out
        clock.advance(Duration.ofHours(1));
        assertThat(graduate(parent, buds.get(2), "Summarises").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(graduate(parent, buds.get(3), "Translates").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        before = storedEvents();
        assertRejected(before, graduate(parent, buds.get(4), "Checks facts"), 429, "GRADUATION_RATE_LIMITED");
        assertThat(api.get(path(parent, "?consistency=strong"), aliceToken).body().get("graduations_in_window").asLong())
                .isEqualTo(3);
        clock.advance(Duration.ofHours(21).plusSeconds(1));
        assertThat(graduate(parent, buds.get(4), "Checks facts").status()).isEqualTo(200);

        for (String vacant : touched) {
            assertThat(ChainVerifier.verify(vacant, logbook(vacant))).as(vacant).isEmpty();
        }

        // audit replay of the whole store: every chain verifies and every projection rebuilds identically
        List<String> projections = ProjectionCatalog.projectors().stream().map(Projector::name).toList();
        ProjectionsCaughtUp.await(positions, projections);
        AuditReport report = new AuditReplay(dataSource::getConnection, ProjectionCatalog.projectors(), 2)
                .run("compositestory", AuditProgress.NONE);
        assertThat(report.failures()).isEmpty();
        assertThat(report.projectionDifferences()).isZero();
        assertThat(report.entriesVerified()).isGreaterThan(touched.size());
    }
}
