package dev.vacant.query.registry;

import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.SamplePayload;
import java.time.Instant;

/**
 * One vacant in the registry, and how each signed entry changes it. Everything comes from the entries (never
 * the clock), so a replay rebuilds identical rows.
 */
public record RegistryRow(String vacantId, LifecycleState state, String controller, RegistryVisibility visibility,
                          String provider, String model, String modelFamily, String bundleDigest,
                          String substrateDigest, String birthPath, String parent, String secondaryParent,
                          String capabilityText, Instant createdAt, Instant lastActive, Instant stateSince,
                          Instant lastHeartbeat, long heartbeatCount, Long driftLatestMilli, long driftDetections,
                          long samples, long headSeq, String headHash, long position) {

    /** The row of a vacant just minted (GENESIS) or born (BIRTH). */
    public static RegistryRow born(LogbookEntry entry, SubstrateSpec substrate, long position) {
        BirthPayload birth = Payloads.read(entry.body().payload(), BirthPayload.class);
        Instant at = Timestamps.parse(entry.body().ts());
        return new RegistryRow(entry.body().vacant(), birth.state(), birth.controller(), birth.registryVisibility(),
                substrate.provider(), substrate.model(), substrate.modelFamily(), birth.bundleDigest(),
                birth.substrateDigest(), birth.path() == null ? null : birth.path().name(), birth.parent(),
                birth.secondaryParent(), birth.capabilityText(), at, at, at, null, 0, null, 0, 0, entry.seq(),
                entry.hash(), position);
    }

    /** This row after {@code event}, the vacant's next entry. */
    public RegistryRow after(VacantEvent event, long newPosition) {
        LogbookEntry entry = event.entry();
        LogbookKind kind = event.kind();
        Instant at = Timestamps.parse(entry.body().ts());
        LifecycleState next = kind.evolve(state, event.namedState());
        boolean heartbeat = kind == LogbookKind.HEARTBEAT || kind == LogbookKind.HEARTBEAT_SUNK;
        Long drift = driftLatestMilli;
        long sampled = samples;
        if (kind == LogbookKind.BEHAVIOR_SAMPLED) {
            sampled++;
            Long sampleDrift = Payloads.read(entry.body().payload(), SamplePayload.class).driftMilli();
            drift = sampleDrift == null ? drift : sampleDrift;
        }
        return new RegistryRow(vacantId, next, controller, visibilityAfter(event), provider, model, modelFamily,
                bundleDigest, substrateDigest, birthPath, parent, secondaryParent, capabilityTextAfter(event), createdAt,
                kind.isActivity() ? at : lastActive, next != state ? at : stateSince, heartbeat ? at : lastHeartbeat,
                heartbeat ? heartbeatCount + 1 : heartbeatCount, drift,
                kind == LogbookKind.DRIFT_DETECTED ? driftDetections + 1 : driftDetections, sampled, entry.seq(),
                entry.hash(), newPosition);
    }

    /**
     * Publishing lists a vacant; a composite manifest it accepts sets the visibility axis it signed; graduating
     * (the child's own GRADUATED entry) makes it PUBLIC.
     */
    private RegistryVisibility visibilityAfter(VacantEvent event) {
        if (event.kind() == LogbookKind.PUBLISHED) {
            return RegistryVisibility.PUBLIC;
        }
        if (event.kind() == LogbookKind.MANIFEST_ACCEPTED) {
            return Payloads.read(event.entry().body().payload(), ManifestPayload.class).manifest().registryVisibility();
        }
        return graduatedChild(event) ? RegistryVisibility.PUBLIC : visibility;
    }

    /** A graduated child's capability text is the one it graduated with. */
    private String capabilityTextAfter(VacantEvent event) {
        return graduatedChild(event)
                ? Payloads.read(event.entry().body().payload(), GraduatedPayload.class).capabilityText()
                : capabilityText;
    }

    private boolean graduatedChild(VacantEvent event) {
        return event.kind() == LogbookKind.GRADUATED && vacantId.equals(event.entry().body().payload().path("child").asText());
    }

    /** Whether this vacant is listed in the public registry (see {@code lifecycle.md}). */
    public boolean listed() {
        return visibility == RegistryVisibility.PUBLIC && state != LifecycleState.LOCAL && state != LifecycleState.ARCHIVED;
    }
}
