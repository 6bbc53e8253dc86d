package dev.vacant.query.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.DormancyElapsedEvent;
import dev.vacant.kernel.vacant.VacantEvents.DriftDetectedEvent;
import dev.vacant.kernel.vacant.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantPublishedEvent;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How each signed entry changes a registry row; rows depend only on entries. */
class RegistryRowTest {

    private final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    private final VacantId id = custody.create();
    private LogbookChain chain = LogbookChain.empty(id.value());
    private final Instant t0 = Instant.parse("2026-02-01T00:00:00Z");

    private LogbookEntry next(LogbookKind kind, ObjectNode payload, Instant at) {
        LogbookEntry entry = chain.append(kind.name(), at, payload, custody.signer(id));
        chain = chain.after(entry);
        return entry;
    }

    private RegistryRow born(LifecycleState state) {
        BirthPayload birth = new BirthPayload(state, "ctl", "b".repeat(64), "s".repeat(64),
                state == LifecycleState.LOCAL ? RegistryVisibility.NONE : RegistryVisibility.PUBLIC,
                null, null, null, null);
        return RegistryRow.born(next(LogbookKind.GENESIS, Payloads.toJson(birth), t0),
                new SubstrateSpec("p", "m", "f", null), 1);
    }

    private RegistryRow after(RegistryRow row, LogbookKind kind, ObjectNode payload, Instant at,
                              Function<LogbookEntry, VacantEvent> event) {
        return row.after(event.apply(next(kind, payload, at)), row.position() + 1);
    }

    @Test
    void heartbeats_countAndStamp_withoutCountingAsActivity() {
        RegistryRow row = born(LifecycleState.ACTIVE);
        Instant beat = t0.plusSeconds(60);

        RegistryRow next = after(row, LogbookKind.HEARTBEAT, Json.object().put("liveness", true), beat, HeartbeatRecordedEvent::new);

        assertThat(next.heartbeatCount()).isEqualTo(1);
        assertThat(next.lastHeartbeat()).isEqualTo(beat);
        assertThat(next.lastActive()).isEqualTo(t0);
        assertThat(next.headSeq()).isEqualTo(1);
        assertThat(next.position()).isEqualTo(2);
    }

    @Test
    void dormancy_movesStateAndStateSince_throughTheTransitionTable() {
        RegistryRow row = born(LifecycleState.ACTIVE);
        Instant later = t0.plusSeconds(7200);

        RegistryRow next = after(row, LogbookKind.DORMANCY_ELAPSED, Json.object(), later, DormancyElapsedEvent::new);

        assertThat(next.state()).isEqualTo(LifecycleState.HIBERNATING);
        assertThat(next.stateSince()).isEqualTo(later);
        assertThat(next.listed()).isTrue();
    }

    @Test
    void publish_listsALocalRoot_andDriftDetectionsAreCounted() {
        RegistryRow row = born(LifecycleState.LOCAL);
        assertThat(row.listed()).isFalse();

        RegistryRow published = after(row, LogbookKind.PUBLISHED, Json.object(), t0.plusSeconds(1), VacantPublishedEvent::new);
        RegistryRow drifted = after(published, LogbookKind.DRIFT_DETECTED, Json.object().put("drift_milli", 7000),
                t0.plusSeconds(2), DriftDetectedEvent::new);

        assertThat(published.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(published.visibility()).isEqualTo(RegistryVisibility.PUBLIC);
        assertThat(published.listed()).isTrue();
        assertThat(drifted.driftDetections()).isEqualTo(1);
    }
}
