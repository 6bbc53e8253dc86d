package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.D4Consents;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end over HTTP on PostgreSQL: genesis, a D2 bud and a D4 merge, calls, dormancy with a moved clock,
 * revive; then every stored event is read back and every chain and signature verified.
 */
class VacantStoryTest extends VacantApiTestBase {

    @Autowired
    VacantTimerPoller poller;
    @Autowired
    KeyCustody custody;

    @Test
    void lifeStory_writesOnlyValidSignedChains() {
        Response genesisA = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search", "read"));
        Response genesisB = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "write"));
        assertThat(genesisA.status()).isEqualTo(201);
        String a = genesisA.text("id");
        String b = genesisB.text("id");
        assertThat(genesisA.text("state")).isEqualTo("ACTIVE");
        assertThat(genesisA.body().path("logbook_head").path("seq").asLong()).isZero();

        Response bud = api.post("/api/v1/vacants/" + a + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("search")));
        assertThat(bud.status()).as(bud.body().toString()).isEqualTo(201);
        assertThat(bud.body().path("child").path("state").asText()).isEqualTo("LOCAL");

        ObjectNode merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "Both.");
        merge.set("consent", D4Consents.consent(custody, clock, a, b, "story-1"));
        Response merged = api.post("/api/v1/vacants/" + a + "/spawn", aliceToken, merge);
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(201);
        String child = merged.text("child_id");

        assertThat(api.post("/api/v1/vacants/" + child + "/calls", aliceToken, Json.object().put("caller", a)).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/vacants/" + a + "/calls", aliceToken, null).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        assertThat(poller.fireDue()).isGreaterThanOrEqualTo(3);
        clock.advance(Duration.ofDays(8));
        poller.fireDue();
        assertThat(logbook(a).get(logbook(a).size() - 1).body().payload().get("to").asText()).isEqualTo("STALE");

        Response revived = api.post("/api/v1/vacants/" + a + "/revive", aliceToken, null);
        assertThat(revived.status()).isEqualTo(200);
        assertThat(revived.text("state")).isEqualTo("ACTIVE");

        for (String vacant : List.of(a, b, child, bud.text("child_id"))) {
            assertThat(logbook(vacant)).isNotEmpty();
            assertThat(ChainVerifier.verify(vacant, logbook(vacant))).as(vacant).isEmpty();
        }
        assertThat(logbook(b).stream().map(e -> e.kind())).contains("CONSENT_USED");
    }
}
