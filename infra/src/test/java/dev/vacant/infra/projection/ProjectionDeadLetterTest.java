package dev.vacant.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.query.projection.ProjectionBatches;
import dev.vacant.query.projection.ProjectionCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read side survives an event it cannot store: an event whose registry row the database refuses parks only
 * its own vacant's sequence while the events of other vacants in the same batch project (the batch, applied whole
 * on the fast path, falls back to event by event only then); the operator endpoints list and retry it, health reports it. Reads asking for a position
 * the projections have not reached are refused with {@code PROJECTION_LAGGING}, never answered stale.
 */
class ProjectionDeadLetterTest extends VacantApiTestBase {

    @Autowired
    ProjectionPositions positions;
    @Autowired
    ProjectionLagHealth health;
    @Autowired
    ProjectionBatches batches;

    @Test
    void aBatchOfEventsThatAllApply_isAppliedWhole_neverEventByEvent() {
        StreamingEventProcessor processor = positions.processor();
        genesis(alice);
        ProjectionsCaughtUp.await(positions, ProjectionCatalog.names());
        long whole = batches.batchesAppliedWhole();
        long oneByOne = batches.batchesAppliedOneByOne();
        processor.shutDown();
        List<String> vacants = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                vacants.add(genesis(alice));
                assertThat(api.post("/api/v1/vacants/" + vacants.get(i) + "/heartbeats", aliceToken, null).status())
                        .isEqualTo(200);
            }
        } finally {
            processor.start();
        }
        ProjectionsCaughtUp.await(positions, ProjectionCatalog.names());

        assertThat(batches.batchesAppliedWhole()).as("batches applied whole").isGreaterThan(whole);
        assertThat(batches.batchesAppliedOneByOne()).as("batches applied event by event").isEqualTo(oneByOne);
        vacants.forEach(vacant -> {
            assertThat(registryRows(vacant)).as("registry: " + vacant).isEqualTo(1);
            assertThat(logbookRows(vacant)).as("logbook: " + vacant).isEqualTo(2);
            assertThat(jdbc.queryForObject("select heartbeat_count from vacant_registry where vacant_id = ?",
                    Long.class, vacant)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from lineage_node where vacant_id = ?", Integer.class,
                    vacant)).isEqualTo(1);
        });
    }

    @Test
    void anEventThatCannotBeStored_parksOnlyItsVacant_isListedAndRetried() {
        String doomed = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
        refuseRegistryRowsOf(doomed);
        StreamingEventProcessor processor = positions.processor();
        long oneByOne = batches.batchesAppliedOneByOne();
        processor.shutDown();
        String poisoned;
        List<String> others = new ArrayList<>();
        try {
            others.add(genesis(alice));
            poisoned = genesis(doomed);
            others.add(genesis(alice));
            assertThat(api.post("/api/v1/vacants/" + others.get(0) + "/heartbeats", aliceToken, null).status())
                    .isEqualTo(200);
            others.add(genesis(alice));
        } finally {
            processor.start();
        }
        ProjectionsCaughtUp.await(positions, ProjectionCatalog.names());

        assertThat(batches.batchesAppliedOneByOne()).as("the failed batch went event by event").isGreaterThan(oneByOne);
        others.forEach(vacant -> assertThat(registryRows(vacant)).as("projected: " + vacant).isEqualTo(1));
        assertThat(logbookRows(others.get(0))).isEqualTo(2);
        assertThat(registryRows(poisoned)).isZero();
        assertThat(logbookRows(poisoned)).isZero();

        processor.shutDown();
        String sameBatch;
        try {
            sameBatch = genesis(alice);
            assertThat(api.post("/api/v1/vacants/" + poisoned + "/heartbeats", operator, null).status())
                    .isEqualTo(200);
        } finally {
            processor.start();
        }
        Polling.awaitUntil("the poisoned vacant's next event is parked behind it", Duration.ofSeconds(20),
                () -> deadLetters(poisoned).size() == 2);
        List<JsonNode> parked = deadLetters(poisoned);
        assertThat(parked).extracting(letter -> letter.path("seq").asLong()).containsExactly(0L, 1L);
        assertThat(parked.get(0).path("cause_type").asText()).isNotBlank();
        assertThat(parked.get(0).path("event_type").asText()).isEqualTo("GenesisRecordedEvent");
        assertThat(registryRows(poisoned)).isZero();
        assertThat(logbookRows(poisoned)).as("a batch leaves a parked sequence's events to the queue").isZero();
        assertThat(logbookRows(sameBatch)).as("the same batch's other events apply").isEqualTo(1);
        Response strongRead = api.get("/api/v1/vacants/" + poisoned + "?consistency=strong", operator);
        assertThat(strongRead.status()).isEqualTo(503);
        assertThat(strongRead.code()).isEqualTo("PROJECTION_LAGGING");
        assertThat(api.get("/api/v1/vacants/" + others.get(0) + "?consistency=strong", operator).status())
                .isEqualTo(200);

        JsonNode lag = api.get("/api/v1/projections", operator).body().path("items").get(0);
        assertThat(lag.path("processor").asText()).isEqualTo(ProjectionCatalog.PROCESSING_GROUP);
        assertThat(lag.path("parked_sequences").asLong()).isEqualTo(1);
        assertThat(lag.path("parked_events").asLong()).isEqualTo(2);
        assertThat(lag.path("head").asLong()).isEqualTo(positions.head());
        assertThat(health.health().getDetails()).containsEntry("parked_sequences", 1L)
                .containsEntry("parked_events", 2L);
        assertThat(api.get("/api/v1/projections/dead-letters", aliceToken).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/v1/projections/dead-letters/none/retry", operator, null).code())
                .isEqualTo("NOT_FOUND");

        assertThat(api.post("/api/v1/projections/registry/reset", operator, null).status()).isEqualTo(202);
        ProjectionsCaughtUp.await(positions, ProjectionCatalog.names());
        Polling.awaitUntil("the replay parks the sequence again", Duration.ofSeconds(20),
                () -> deadLetters(poisoned).size() == 2);
        assertThat(deadLetters(poisoned)).as("a reset cleared the queue before the replay")
                .extracting(letter -> letter.path("seq").asLong()).containsExactly(0L, 1L);
        others.forEach(vacant -> assertThat(registryRows(vacant)).as("replayed: " + vacant).isEqualTo(1));

        String id = deadLetters(poisoned).get(0).path("id").asText();
        Response failedAgain = api.post("/api/v1/projections/dead-letters/" + id + "/retry", operator, null);
        assertThat(failedAgain.status()).isEqualTo(200);
        assertThat(failedAgain.body().path("applied").asBoolean()).isFalse();
        assertThat(deadLetters(poisoned)).hasSize(2);

        jdbc.execute("drop trigger refuse_doomed on vacant_registry");
        Response applied = api.post("/api/v1/projections/dead-letters/" + id + "/retry", operator, null);
        assertThat(applied.body().path("applied").asBoolean()).as(String.valueOf(applied.body())).isTrue();
        assertThat(deadLetters(poisoned)).isEmpty();
        assertThat(registryRows(poisoned)).isEqualTo(1);
        assertThat(logbookRows(poisoned)).isEqualTo(2);
        assertThat(health.health().getDetails()).containsEntry("parked_sequences", 0L);
    }

    @Test
    void aReadForAPositionNotYetProjected_isRefusedWithProjectionLagging_andRetryAfter() throws Exception {
        String vacant = genesis(alice);
        long beyond = positions.head() + 1_000;

        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/vacants/" + vacant + "?position=" + beyond))
                .header("Authorization", "Bearer " + aliceToken).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.body()).contains("\"code\":\"PROJECTION_LAGGING\"");
        assertThat(read.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", aliceToken).status()).isEqualTo(200);
    }

    private String genesis(String controller) {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(controller, null)).text("id");
    }

    private List<JsonNode> deadLetters(String vacant) {
        List<JsonNode> letters = new ArrayList<>();
        api.get("/api/v1/projections/dead-letters", operator).body().path("items").forEach(letter -> {
            if (letter.path("vacant").asText().equals(vacant)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    /**
     * The read model's storage refuses {@code controller}'s registry rows (a trigger raising an error), as it would
     * refuse a value it cannot hold. The stored event is left as it is: Axon hands recently appended events to a
     * caught-up processor from memory, so rewriting their stored bytes would not reach the projection.
     */
    private void refuseRegistryRowsOf(String controller) {
        jdbc.execute("create or replace function refuse_doomed() returns trigger language plpgsql as $$ begin "
                + "if new.controller = '" + controller + "' then raise exception 'refused by the test'; end if; "
                + "return new; end $$");
        jdbc.execute("drop trigger if exists refuse_doomed on vacant_registry");
        jdbc.execute("create trigger refuse_doomed before insert or update on vacant_registry for each row "
                + "execute function refuse_doomed()");
    }

    private int registryRows(String vacant) {
        return jdbc.queryForObject("select count(*) from vacant_registry where vacant_id = ?", Integer.class, vacant);
    }

    private int logbookRows(String vacant) {
        return jdbc.queryForObject("select count(*) from vacant_logbook where vacant_id = ?", Integer.class, vacant);
    }
}
