package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;

/** {@code GET /vacants/{id}/card} for listed public vacants that never graduated (graduated cards: CompositeStoryTest). */
class CapabilityCardApiTest extends VacantApiTestBase {

    private String genesis(String state) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, state, "search", "read"))
                .text("id");
    }

    @Test
    void listedPublicVacant_servesACardItSigned_toAnyoneWhoCanSeeIt_theSameOnEveryRead() {
        String root = genesis(null);

        Response card = api.get("/api/v1/vacants/" + root + "/card?consistency=strong", bobToken);

        assertThat(card.status()).as(String.valueOf(card.body())).isEqualTo(200);
        CapabilityCard parsed = Json.mapper().convertValue(card.body(), CapabilityCard.class);
        assertThat(parsed.verifies()).isTrue();
        assertThat(parsed.id()).isEqualTo(root);
        assertThat(parsed.reachability().name()).isEqualTo("PUBLIC_A2A");
        assertThat(parsed.outboundPolicy().name()).isEqualTo("UNRESTRICTED");
        assertThat(parsed.skills()).extracting(CapabilityCard.Skill::id).containsExactly("read", "search");
        assertThat(api.get("/api/v1/vacants/" + root + "/card", aliceToken).body()).isEqualTo(card.body());
    }

    @Test
    void unlistedVacants_andClosedChildren_haveNoCard() {
        String local = genesis("LOCAL");
        String parent = genesis(null);
        String bud = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");

        assertThat(api.get("/api/v1/vacants/" + local + "/card?consistency=strong", aliceToken).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/vacants/" + bud + "/card?consistency=strong", aliceToken).code()).isEqualTo("NOT_FOUND");
    }
}
