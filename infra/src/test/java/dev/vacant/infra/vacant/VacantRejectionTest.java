package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rejected command answers its code and writes nothing (event store row count unchanged). */
class VacantRejectionTest extends VacantApiTestBase {

    private String vacant;
    private long before;

    @BeforeEach
    void genesis() {
        vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search")).text("id");
        before = storedEvents();
    }

    private String path(String suffix) {
        return "/api/v1/vacants/" + vacant + suffix;
    }

    @Test
    void noToken_isUnauthenticated() {
        assertRejected(before, api.post(path("/calls"), null, null), 401, "UNAUTHENTICATED");
        assertRejected(before, api.post(path("/calls"), "vat_not-a-token", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void anotherController_isForbidden() {
        assertRejected(before, api.post(path("/calls"), bobToken, null), 403, "FORBIDDEN");
        assertRejected(before, api.post(path("/spawn"), bobToken, Json.object().put("path", "D1").put("policy_mutation", "x")),
                403, "FORBIDDEN");
        assertRejected(before, api.post("/api/v1/vacants/genesis", aliceToken, VacantFixtures.genesis(alice, null)),
                403, "FORBIDDEN");
    }

    @Test
    void forgedConsent_isBadSignature() {
        String b = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        long afterB = storedEvents();
        var merge = Json.object().put("path", "D4").put("parent_b", b).put("merged_system_prompt", "m");
        merge.putObject("consent").put("nonce", "n").put("expires_at", "2999-01-01T00:00:00Z")
                .put("signature", "A".repeat(86));

        assertRejected(afterB, api.post(path("/spawn"), aliceToken, merge), 422, "BAD_SIGNATURE");
    }

    @Test
    void invalidTransition_isAConflictNamingStateAndEvent() {
        Response response = api.post(path("/archive"), operator, null);

        assertRejected(before, response, 409, "INVALID_TRANSITION");
        assertThat(response.text("state")).isEqualTo("ACTIVE");
        assertThat(response.text("event")).isEqualTo("ARCHIVE_REQUESTED");
    }

    @Test
    void badInput_isRejectedBeforeAnythingIsWritten() {
        assertRejected(before, api.post(path("/spawn"), aliceToken, "{\"path\": "), 400, "MALFORMED_JSON");
        assertRejected(before, api.post(path("/spawn"), aliceToken, "{\"path\": \"D9\"}"), 400, "VALIDATION_FAILED");
        assertRejected(before, api.post(path("/spawn"), aliceToken, "{\"path\": \"D1\", \"policy_mutation\": \"x\", \"extra\": 1}"),
                400, "VALIDATION_FAILED");
        assertRejected(before, api.post(path("/spawn"), aliceToken, "{\"path\": \"D1\"}"), 400, "VALIDATION_FAILED");
        assertRejected(before, api.post(path("/spawn"), aliceToken, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("shell"))), 422, "TOOLS_NOT_SUBSET");
        assertRejected(before, api.post(path("/samples"), aliceToken,
                Json.object().put("text", "x".repeat(1024 * 1024 + 1))), 413, "PAYLOAD_TOO_LARGE");
        assertRejected(before, api.post("/api/v1/vacants/vac_nope/calls", aliceToken, null), 400, "VALIDATION_FAILED");
    }

    @Test
    void unknownVacant_isNotFound() {
        String unknown = "vac_" + "a".repeat(52);

        assertRejected(before, api.post("/api/v1/vacants/" + unknown + "/calls", operator, null), 404, "NOT_FOUND");
    }

    @Test
    void heartbeatFlood_isTooSoon() {
        assertThat(api.post(path("/heartbeats"), aliceToken, null).status()).isEqualTo(200);
        long afterFirst = storedEvents();

        assertRejected(afterFirst, api.post(path("/heartbeats"), aliceToken, null), 429, "HEARTBEAT_TOO_SOON");
    }
}
