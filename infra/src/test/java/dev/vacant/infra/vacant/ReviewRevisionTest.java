package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.grpc.vacants.v1.ReviewRequest;
import dev.vacant.infra.grpc.GrpcApiTestBase;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.vacant.ReviewPayload;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.registry.RegistryProjector;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Revision 2 of {@code vacant.review_received} (an optional {@code comment}) end to end on a real PostgreSQL: a store
 * holding a review row exactly as revision 1 wrote it still verifies, the aggregate and the rebuilt logbook and registry
 * projections read it (lifted by the revision upcaster) without a comment, and new reviews are written at revision 2, through REST
 * and gRPC.
 */
class ReviewRevisionTest extends GrpcApiTestBase {

    private static final List<String> PROJECTIONS = List.of(LogbookProjector.NAME, RegistryProjector.NAME);

    @Autowired
    private Cache vacantCache;
    @Autowired
    private ProjectionPositions positions;

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
    }

    private ApiClient.Response review(String id, String reviewer, String comment) {
        return api.post("/api/v1/vacants/" + id + "/reviews", operator, Json.object().put("reviewer", reviewer)
                .put("verdict", "positive").put("score", 4).put("comment", comment));
    }

    /** The stored review rows of {@code id}: revision and stored text, in seq order. */
    private List<Map<String, Object>> reviewRows(String id) {
        return jdbc.queryForList("select payload_revision, payload from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'vacant.review_received' order by sequence_number", id).stream()
                .map(row -> Map.<String, Object>of("revision", row.get("payload_revision"),
                        "payload", new String((byte[]) row.get("payload"), StandardCharsets.UTF_8))).toList();
    }

    private static List<JsonNode> reviewPayloads(JsonNode logbookPage) {
        return StreamSupport.stream(logbookPage.path("entries").spliterator(), false)
                .map(entry -> entry.path("body"))
                .filter(body -> body.path("kind").asText().equals("REVIEW_RECEIVED"))
                .map(body -> body.path("payload")).toList();
    }

    @Test
    void aStoreWithARevision1Review_verifies_loadsTheAggregate_rebuildsTheLogbook_andNewReviewsAreRevision2() {
        String id = genesis();
        String reviewer = genesis();
        assertThat(api.post("/api/v1/vacants/" + id + "/reviews", operator, Json.object().put("reviewer", reviewer)
                .put("verdict", "positive").put("score", 4)).status()).isEqualTo(200);
        // the review as revision 1 stored it: the same signed bytes (no comment), labelled revision 1
        jdbc.update("update domain_event_entry set payload_revision = '1' where aggregate_identifier = ? "
                + "and payload_type = 'vacant.review_received'", id);
        vacantCache.removeAll();

        assertThat(reviewRows(id)).singleElement().satisfies(row -> {
            assertThat(row.get("revision")).isEqualTo("1");
            assertThat((String) row.get("payload")).doesNotContain("comment");
        });
        ProjectionsCaughtUp.await(positions, PROJECTIONS); // the verification reads the vacant's registry row first
        JsonNode verification = api.get("/api/v1/vacants/" + id + "/logbook/verification", operator).body();
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(logbook(id)).extracting(LogbookEntry::kind).contains("REVIEW_RECEIVED");

        assertThat(review(id, reviewer, "Clear answers, on time.").status()).isEqualTo(200);

        assertThat(reviewRows(id)).hasSize(2).last().satisfies(row -> {
            assertThat(row.get("revision")).isEqualTo("2");
            assertThat((String) row.get("payload")).contains("\"comment\":\"Clear answers, on time.\"");
        });
        ProjectionsCaughtUp.await(positions, PROJECTIONS);
        List<Map<String, Object>> registry = jdbc.queryForList("select * from vacant_registry where vacant_id = ?", id);
        for (String projection : PROJECTIONS) {
            assertThat(api.post("/api/v1/projections/" + projection + "/reset", operator, null).status())
                    .isEqualTo(202);
        }
        ProjectionsCaughtUp.await(positions, PROJECTIONS);

        assertThat(jdbc.queryForList("select * from vacant_registry where vacant_id = ?", id)).isEqualTo(registry)
                .isNotEmpty();
        List<JsonNode> shown = reviewPayloads(api.get("/api/v1/vacants/" + id + "/logbook", operator).body());
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).has("comment")).isFalse();
        assertThat(shown.get(1).path("comment").asText()).isEqualTo("Clear answers, on time.");
    }

    @Test
    void theGrpcTwin_acceptsAComment_writtenAtRevision2() {
        String id = genesis();
        String reviewer = genesis();

        vacants(operator).review(ReviewRequest.newBuilder().setId(id).setReviewer(reviewer).setVerdict("positive")
                .setComment("Helpful.").build());

        assertThat(reviewRows(id)).singleElement().satisfies(row -> {
            assertThat(row.get("revision")).isEqualTo("2");
            assertThat((String) row.get("payload")).contains("\"comment\":\"Helpful.\"");
        });
    }

    @Test
    void aCommentTooLongOrWithAControlCharacter_isRefusedNamingTheField_andNothingIsWritten() {
        String id = genesis();
        String reviewer = genesis();
        long events = storedEvents();

        ApiClient.Response tooLong = review(id, reviewer, "x".repeat(ReviewPayload.MAX_COMMENT + 1));
        assertRejected(events, tooLong, 400, "VALIDATION_FAILED");
        assertThat(tooLong.body().path("errors").findValuesAsText("field")).contains("comment");
        ApiClient.Response control = review(id, reviewer, "fine\u0000print");
        assertRejected(events, control, 400, "VALIDATION_FAILED");
        assertThat(control.body().path("errors").findValuesAsText("field")).contains("comment");
        assertFails(() -> vacants(operator).review(ReviewRequest.newBuilder().setId(id).setReviewer(reviewer)
                .setVerdict("positive").setComment("x".repeat(ReviewPayload.MAX_COMMENT + 1)).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertThat(storedEvents()).isEqualTo(events);
    }
}
