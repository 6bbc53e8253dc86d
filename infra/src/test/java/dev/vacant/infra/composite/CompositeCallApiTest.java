package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;

/** Tree-Only on {@code POST /vacants/{id}/calls}: vacant callers are authorized first, external calls skip closed children. */
class CompositeCallApiTest extends VacantApiTestBase {

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
    }

    private String bud(String parent) {
        return api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken,
                Json.object().put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");
    }

    private Response call(String callee, String caller) {
        return api.post("/api/v1/vacants/" + callee + "/calls", aliceToken,
                caller == null ? null : Json.object().put("caller", caller));
    }

    private String lastKind(String vacant) {
        var entries = logbook(vacant);
        return entries.get(entries.size() - 1).kind();
    }

    @Test
    void closedChild_callingOutsideItsTree_isTreeOnlyViolation_withTheDenialOnItsLogbook() {
        String parent = genesis();
        String stranger = genesis();
        String bud = bud(parent);
        int strangerEntries = logbook(stranger).size();

        Response denied = call(stranger, bud);

        assertThat(denied.status()).as(String.valueOf(denied.body())).isEqualTo(422);
        assertThat(denied.code()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(denied.body().get("rule").asText()).isEqualTo("CLOSED_CHILD");
        assertThat(lastKind(bud)).isEqualTo("OUTBOUND_DENIED");
        assertThat(logbook(stranger)).hasSize(strangerEntries);
    }

    @Test
    void closedChild_callingItsSibling_isAllowed_andTheSiblingReceivesTheCall() {
        String parent = genesis();
        String bud = bud(parent);
        String sibling = bud(parent);

        Response allowed = call(sibling, bud);

        assertThat(allowed.status()).as(String.valueOf(allowed.body())).isEqualTo(200);
        assertThat(allowed.text("id")).isEqualTo(sibling);
        assertThat(lastKind(bud)).isEqualTo("OUTBOUND_ALLOWED");
        assertThat(lastKind(sibling)).isEqualTo("CALL_RECEIVED");
    }

    @Test
    void externalCall_toAClosedChild_isRefused_writingNothing() {
        String bud = bud(genesis());
        long before = storedEvents();

        assertRejected(before, call(bud, null), 422, "TREE_ONLY_VIOLATION");
        assertRejected(before, call(bud, "user:7"), 422, "TREE_ONLY_VIOLATION");
    }
}
