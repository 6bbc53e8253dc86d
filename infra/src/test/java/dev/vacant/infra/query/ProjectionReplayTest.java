package dev.vacant.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.Projector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Projections are idempotent, and a reset replays them into identical rows while commands keep flowing. */
class ProjectionReplayTest extends VacantApiTestBase {

    private static final List<String> PROJECTIONS = List.of(RegistryProjector.NAME, LogbookProjector.NAME,
            CompositeProjector.NAME);

    @Autowired
    ProjectionPositions positions;

    private List<Map<String, Object>> rowsOf(String vacant) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList(
                "select * from vacant_registry where vacant_id = ?", vacant));
        rows.addAll(jdbc.queryForList("select * from vacant_logbook where vacant_id = ? order by seq", vacant));
        rows.addAll(jdbc.queryForList("select * from composite_child where parent_id = ? order by child_id", vacant));
        rows.addAll(jdbc.queryForList("select * from composite_delegation where parent_id = ? order by parent_seq", vacant));
        rows.addAll(jdbc.queryForList("select o.* from composite_outbound o join composite_child c "
                + "on c.child_id = o.vacant_id where c.parent_id = ? order by o.vacant_id", vacant));
        return rows;
    }

    private void awaitHead(List<String> projections) {
        ProjectionsCaughtUp.await(positions, projections);
    }

    /** A vacant with a lifecycle, a spawn, and a composite history (D2 bud, delegation, outbound check). */
    private String historyOf() {
        String id = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
        api.post("/api/v1/vacants/" + id + "/heartbeats", aliceToken, null);
        api.post("/api/v1/vacants/" + id + "/spawn", aliceToken, Json.object()
                .put("path", "D1").put("policy_mutation", "x"));
        api.post("/api/v1/vacants/" + id + "/calls", aliceToken, null);
        String bud = api.post("/api/v1/vacants/" + id + "/spawn", aliceToken, Json.object()
                .put("path", "D2").set("narrowed_tools", Json.mapper().createArrayNode().add("read")))
                .text("child_id");
        api.post("/api/v1/composites/" + id + "/delegations", aliceToken, Json.object()
                .put("child", bud).put("subtask", "read this"));
        api.post("/api/v1/composites/" + id + "/outbound-checks", aliceToken, Json.object()
                .put("caller", bud).put("callee", id));
        return id;
    }

    @Test
    void projectors_areIdempotent_whenAnEventIsAppliedAgain() {
        String id = historyOf();
        awaitHead(PROJECTIONS);
        List<Map<String, Object>> before = rowsOf(id);
        assertThat(jdbc.queryForObject("select count(*) from composite_delegation where parent_id = ?", Long.class, id))
                .isEqualTo(1L);

        List<VacantEvent> events = eventStore.readEvents(id).asStream().map(m -> (VacantEvent) m.getPayload()).toList();
        for (Projector projector : ProjectionCatalog.projectors()) {
            events.forEach(event -> projector.apply(jdbc, event, new EventPosition(999_999)));
        }

        assertThat(rowsOf(id)).isEqualTo(before);
    }

    @Test
    void reset_rebuildsIdenticalRows_whileCommandsAreAccepted() throws Exception {
        String settled = historyOf();
        String busy = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        awaitHead(PROJECTIONS);
        List<Map<String, Object>> before = rowsOf(settled);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                if (api.post("/api/v1/vacants/" + busy + "/calls", aliceToken, null).status() == 200) {
                    accepted.incrementAndGet();
                }
            }
        });

        for (String projection : PROJECTIONS) {
            assertThat(api.post("/api/v1/projections/" + projection + "/reset", operator, null).status()).isEqualTo(202);
        }
        while (accepted.get() < 10) {
            Thread.onSpinWait();
        }
        running.set(false);
        writer.get();
        awaitHead(PROJECTIONS);

        assertThat(rowsOf(settled)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from vacant_logbook where vacant_id = ?", Long.class, busy))
                .isEqualTo(1L + accepted.get());
        assertThat(api.post("/api/v1/projections/registry/reset", aliceToken, null).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/v1/projections/nope/reset", operator, null).code()).isEqualTo("NOT_FOUND");
    }
}
