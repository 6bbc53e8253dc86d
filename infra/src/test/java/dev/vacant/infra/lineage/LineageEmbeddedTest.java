package dev.vacant.infra.lineage;

import static dev.vacant.infra.lineage.LineageClient.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.EmbeddedApplicationTest;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.custody.KeyCustody;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lineage projection and its recursive and keyset queries are portable: the same answers on H2. */
class LineageEmbeddedTest extends EmbeddedApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    KeyCustody custody;
    @Autowired
    Clock clock;
    @Autowired
    ProjectionPositions positions;

    @Test
    void lineage_answersEveryDirection_onH2() {
        LineageClient lineage = new LineageClient(new ApiClient(port), tokens.create("ops-lineage", Role.OPERATOR),
                "alice-lineage", tokens.create("alice-lineage", Role.CONTROLLER), custody, clock);
        String root = lineage.root();
        String a = lineage.d1(root);
        String b = lineage.d1(root);
        String merged = lineage.d4(a, b);
        String grandchild = lineage.d1(merged);
        ProjectionWait.untilLineageCaughtUp(positions);

        List<String> byCursor = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = lineage.lineage(root, "depth=3&size=2" + (after == null ? "" : "&after=" + after));
            byCursor.addAll(ids(page));
            after = page.get("next_after").isNull() ? null : page.get("next_after").asText();
        } while (after != null);

        assertThat(byCursor).containsExactly(a, b, merged, grandchild);
        assertThat(ids(lineage.lineage(root, "depth=3&size=2&page=1"))).containsExactly(merged, grandchild);
        assertThat(ids(lineage.lineage(grandchild, "direction=ancestors"))).containsExactly(merged, a, root);
        assertThat(ids(lineage.lineage(merged, "direction=parents"))).containsExactly(a, b);
        assertThat(lineage.lineage(root, "format=tree&depth=3").get("tree").get("children").findValuesAsText("id"))
                .containsExactly(a, merged, grandchild, b);
    }
}
