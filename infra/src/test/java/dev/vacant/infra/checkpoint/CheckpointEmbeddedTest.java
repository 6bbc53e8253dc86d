package dev.vacant.infra.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.EmbeddedApplicationTest;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tree, checkpoints and proofs are portable: the same answers on the embedded H2 database. */
class CheckpointEmbeddedTest extends EmbeddedApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    @Test
    void checkpointAndProofs_verifyWithTheNodeKey_onH2() {
        ApiClient api = new ApiClient(port);
        String operator = tokens.create("ops-checkpoints", Role.OPERATOR);
        JsonNode kept = api.post("/api/v1/checkpoints", operator, null).body();
        NoteKey nodeKey = NoteKey.parse(kept.path("node_key").asText());
        JsonNode vacant = api.post("/api/v1/vacants/genesis", operator,
                VacantFixtures.genesis("alice-checkpoints", null)).body();
        Response made = api.post("/api/v1/checkpoints", operator, null);

        Response inclusion = api.get("/api/v1/proofs/inclusion?position="
                + vacant.path("logbook_head").path("global_index").asLong(), operator);
        Response consistency = api.get("/api/v1/proofs/consistency?from=" + kept.path("tree_size").asLong(), null);

        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        assertThat(CheckpointClient.inclusionVerifies(inclusion.body(), nodeKey,
                vacant.path("logbook_head").path("hash").asText())).isTrue();
        assertThat(CheckpointClient.consistencyVerifies(consistency.body(), nodeKey,
                SignedCheckpoint.open(kept.path("note").asText(), nodeKey))).isTrue();
    }
}
