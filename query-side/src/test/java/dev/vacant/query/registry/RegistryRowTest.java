package dev.vacant.query.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionSignals;
import dev.vacant.kernel.composite.EndpointReachability;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.custody.InMemoryKeyCustody;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.DormancyElapsedEvent;
import dev.vacant.kernel.event.VacantEvents.DriftDetectedEvent;
import dev.vacant.kernel.event.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantPublishedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Instant;
import java.util.List;
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
        return RegistryRow.born(next(LogbookKind.GENESIS, Payloads.toJson(birth), t0), birth,
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
    void dormancy_movesStateAndStateSince_toTheStateItRecords() {
        RegistryRow row = born(LifecycleState.ACTIVE);
        Instant later = t0.plusSeconds(7200);

        RegistryRow next = after(row, LogbookKind.DORMANCY_ELAPSED,
                Json.object().put("from", "ACTIVE").put("to", "HIBERNATING"), later, DormancyElapsedEvent::new);

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

    private ChildManifest manifest(RegistryVisibility visibility) {
        VacantId parent = custody.create();
        return ChildManifest.v2(parent, id, SpawnPath.D2, true, List.of("read"),
                new ChildManifest.Axes(visibility, EndpointReachability.PARENT_BRIDGED, OutboundPolicy.PARENT_PERMITTED), t0);
    }

    @Test
    void manifestAccepted_setsTheVisibilityTheManifestNames() {
        RegistryRow row = born(LifecycleState.LOCAL);

        RegistryRow next = after(row, LogbookKind.MANIFEST_ACCEPTED,
                Payloads.toJson(new ManifestPayload(manifest(RegistryVisibility.UNLISTED))), t0.plusSeconds(1),
                ManifestAcceptedEvent::new);

        assertThat(next.visibility()).isEqualTo(RegistryVisibility.UNLISTED);
        assertThat(next.state()).isEqualTo(LifecycleState.LOCAL);
    }

    @Test
    void graduated_makesTheChildActiveAndPublic_withItsCapabilityText_andLeavesAParentAsItIs() {
        RegistryRow row = born(LifecycleState.LOCAL);
        ChildManifest graduatedManifest = manifest(RegistryVisibility.PUBLIC);
        GraduatedPayload asChild = new GraduatedPayload(graduatedManifest.parentId(), id.value(), LifecycleState.ACTIVE,
                "Finds papers", graduatedManifest, CollusionSignals.NONE, null);
        GraduatedPayload asParent = new GraduatedPayload(id.value(), custody.create().value(), null, "Other",
                graduatedManifest, CollusionSignals.NONE, null);
        Instant at = t0.plusSeconds(5);

        RegistryRow child = after(row, LogbookKind.GRADUATED, Payloads.toJson(asChild), at, ChildGraduatedEvent::new);
        RegistryRow parent = after(row, LogbookKind.GRADUATED, Payloads.toJson(asParent), at, ChildGraduatedEvent::new);

        assertThat(child.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(child.visibility()).isEqualTo(RegistryVisibility.PUBLIC);
        assertThat(child.capabilityText()).isEqualTo("Finds papers");
        assertThat(child.stateSince()).isEqualTo(at);
        assertThat(child.listed()).isTrue();
        assertThat(parent.state()).isEqualTo(LifecycleState.LOCAL);
        assertThat(parent.visibility()).isEqualTo(RegistryVisibility.NONE);
        assertThat(parent.capabilityText()).isNull();
    }
}
