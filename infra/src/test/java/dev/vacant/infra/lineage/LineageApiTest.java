package dev.vacant.infra.lineage;

import static dev.vacant.infra.lineage.LineageClient.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lineage endpoint on PostgreSQL, over lineages grown through the REST API. */
class LineageApiTest extends VacantApiTestBase {

    @Autowired
    KeyCustody custody;
    @Autowired
    ProjectionPositions positions;

    private LineageClient lineage;

    @BeforeEach
    void client() {
        lineage = new LineageClient(api, operator, alice, aliceToken, custody, clock);
    }

    /** A root with three D1 children, each with two D1 children, spawned in that order. */
    private List<String> twoGenerations(String root) {
        List<String> children = List.of(lineage.d1(root), lineage.d1(root), lineage.d1(root));
        List<String> all = new ArrayList<>(children);
        for (String child : children) {
            all.add(lineage.d1(child));
            all.add(lineage.d1(child));
        }
        ProjectionWait.untilLineageCaughtUp(positions);
        return all;
    }

    @Test
    void parents_markTheSecondParentOfAMerge_andAncestorsFollowThePrimaryOnly() {
        String a = lineage.root();
        String b = lineage.root();
        String merged = lineage.d4(a, b);
        ProjectionWait.untilLineageCaughtUp(positions);

        JsonNode parents = lineage.lineage(merged, "direction=parents");
        JsonNode ancestors = lineage.lineage(merged, "direction=ancestors");
        JsonNode childrenOfB = lineage.lineage(b, "direction=children");

        assertThat(ids(parents)).containsExactly(a, b);
        assertThat(parents.get("items").findValuesAsText("path")).containsExactly("D4", "D4");
        assertThat(parents.get("items").findValuesAsText("secondary")).containsExactly("false", "true");
        assertThat(parents.get("items").findValuesAsText("child")).containsExactly(merged, merged);
        assertThat(ids(ancestors)).containsExactly(a);
        assertThat(ids(childrenOfB)).containsExactly(merged);
        assertThat(childrenOfB.get("items").get(0).get("secondary").asBoolean()).isTrue();
        assertThat(childrenOfB.get("items").get(0).get("parent").asText()).isEqualTo(b);
    }

    @Test
    void ancestors_climbToTheRoot_withThePathOfEachEdge() {
        String root = lineage.root("read");
        String bud = lineage.d2(root, "read");
        String clone = lineage.d1(bud);
        String grandClone = lineage.d1(clone);
        ProjectionWait.untilLineageCaughtUp(positions);

        JsonNode ancestors = lineage.lineage(grandClone, "direction=ancestors");
        JsonNode nearest = lineage.lineage(grandClone, "direction=ancestors&depth=2");

        assertThat(ids(ancestors)).containsExactly(clone, bud, root);
        assertThat(ancestors.get("items").findValuesAsText("depth")).containsExactly("1", "2", "3");
        assertThat(ancestors.get("items").findValuesAsText("child")).containsExactly(grandClone, clone, bud);
        assertThat(ancestors.get("items").findValuesAsText("path")).containsExactly("D1", "D1", "D2");
        assertThat(ancestors.get("items").get(0).get("created_at").asText()).endsWith("Z");
        assertThat(ids(nearest)).containsExactly(clone, bud);
        assertThat(lineage.lineage(root, "direction=ancestors").get("items")).isEmpty();
    }

    @Test
    void descendants_pageInDepthThenBirthOrder_withoutGapsOrDuplicates() {
        String root = lineage.root();
        List<String> family = twoGenerations(root);

        List<String> byPage = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            byPage.addAll(ids(lineage.lineage(root, "depth=2&size=4&page=" + page)));
        }
        List<String> byCursor = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = lineage.lineage(root, "depth=2&size=4" + (after == null ? "" : "&after=" + after));
            byCursor.addAll(ids(page));
            after = page.get("next_after").isNull() ? null : page.get("next_after").asText();
        } while (after != null);

        assertThat(byPage).containsExactlyElementsOf(family);
        assertThat(byCursor).containsExactlyElementsOf(family);
        assertThat(ids(lineage.lineage(root, ""))).containsExactlyElementsOf(family.subList(0, 3));
        assertThat(ids(lineage.lineage(root, "direction=children"))).containsExactlyElementsOf(family.subList(0, 3));
        assertThat(lineage.lineage(root, "depth=2&size=4&page=2").get("next_after").isNull()).isTrue();
    }

    @Test
    void descendants_listAMergeOnce_throughItsPrimaryParent_whenBothParentsDescend() {
        String root = lineage.root();
        String a = lineage.d1(root);
        String b = lineage.d1(root);
        String merged = lineage.d4(a, b);
        ProjectionWait.untilLineageCaughtUp(positions);

        JsonNode descendants = lineage.lineage(root, "depth=5");

        assertThat(ids(descendants)).containsExactly(a, b, merged);
        JsonNode mergedItem = descendants.get("items").get(2);
        assertThat(mergedItem.get("depth").asInt()).isEqualTo(2);
        assertThat(mergedItem.get("parent").asText()).isEqualTo(a);
        assertThat(mergedItem.get("secondary").asBoolean()).isFalse();
        assertThat(ids(lineage.lineage(b, "depth=5"))).containsExactly(merged);
    }

    @Test
    void tree_nestsEachDescendantUnderItsParent_downToTheDepth() {
        String root = lineage.root();
        List<String> family = twoGenerations(root);

        JsonNode answer = lineage.lineage(root, "format=tree&depth=2");
        JsonNode shallow = lineage.lineage(root, "format=tree");

        assertThat(answer.get("truncated").asBoolean()).isFalse();
        JsonNode tree = answer.get("tree");
        assertThat(tree.get("id").asText()).isEqualTo(root);
        assertThat(tree.get("children").findValuesAsText("id")).as("depth first").containsExactly(family.get(0),
                family.get(3), family.get(4), family.get(1), family.get(5), family.get(6), family.get(2), family.get(7),
                family.get(8));
        assertThat(tree.get("children").get(1).get("path").asText()).isEqualTo("D1");
        assertThat(tree.get("children").get(1).get("secondary").asBoolean()).isFalse();
        assertThat(shallow.get("tree").get("children").findValuesAsText("id")).containsExactlyElementsOf(family.subList(0, 3));
        assertThat(shallow.get("tree").get("children").get(0).get("children")).isEmpty();
    }

    @Test
    void lineage_readsItsOwnWrite_whenPassedTheSpawnPosition() {
        String root = lineage.root();
        Response spawned = lineage.clone(root);

        JsonNode children = lineage.lineage(root, "direction=children&position=" + spawned.body().get("position").asLong());

        assertThat(ids(children)).containsExactly(spawned.text("child_id"));
    }

    @Test
    void lineage_isEmpty_forARootWithoutChildren() {
        String root = lineage.root();

        JsonNode descendants = lineage.lineage(root, "consistency=strong");

        assertThat(descendants.get("items")).isEmpty();
        assertThat(descendants.get("direction").asText()).isEqualTo("descendants");
        assertThat(descendants.get("depth").asInt()).isEqualTo(1);
        assertThat(lineage.lineage(root, "direction=parents").get("items")).isEmpty();
    }

    @Test
    void lineage_answersValidationFailed_forAMalformedIdOrParameter() {
        String root = lineage.root();

        assertThat(lineage.get("vac_nope", "").code()).isEqualTo("VALIDATION_FAILED");
        for (String query : List.of("direction=sideways", "format=graph", "depth=0", "depth=1001", "depth=two",
                "size=0", "size=1001", "page=-1", "page=101", "after=3", "after=1:x", "page=1&after=1:2",
                "direction=parents&depth=2", "direction=ancestors&page=1", "format=tree&direction=ancestors",
                "format=tree&size=10", "consistency=sometimes")) {
            Response response = lineage.get(root, query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void lineage_answersNotFound_forAWellFormedIdNeverCreated() {
        String unknown = VacantId.of(Ed25519.generate(new SecureRandom()).publicKey()).value();

        Response response = lineage.get(unknown, "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void lineage_answersUnauthenticated_withoutAToken() {
        String root = lineage.root();

        assertThat(api.get("/api/v1/vacants/" + root + "/lineage", null).code()).isEqualTo("UNAUTHENTICATED");
    }
}
