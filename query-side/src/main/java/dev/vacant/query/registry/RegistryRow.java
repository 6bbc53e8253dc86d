package dev.vacant.query.registry;

import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.BehaviorSampledEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Instant;
import java.util.Optional;

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

    /** The row of a vacant just minted (GENESIS) or born (BIRTH), its entry's payload {@code birth}. */
    public static RegistryRow born(LogbookEntry entry, BirthPayload birth, SubstrateSpec substrate, long position) {
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
        if (event instanceof BehaviorSampledEvent sample) {
            sampled++;
            Long sampleDrift = sample.payload().driftMilli();
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
        if (event instanceof ManifestAcceptedEvent accepted) {
            return accepted.payload().manifest().registryVisibility();
        }
        return graduatedChild(event).isPresent() ? RegistryVisibility.PUBLIC : visibility;
    }

    /** A graduated child's capability text is the one it graduated with. */
    private String capabilityTextAfter(VacantEvent event) {
        return graduatedChild(event).map(GraduatedPayload::capabilityText).orElse(capabilityText);
    }

    /** The payload of {@code event} if it is this vacant's own GRADUATED entry (the child's, not its parent's). */
    private Optional<GraduatedPayload> graduatedChild(VacantEvent event) {
        return event instanceof ChildGraduatedEvent graduated && vacantId.equals(graduated.payload().child())
                ? Optional.of(graduated.payload()) : Optional.empty();
    }

    /** Whether this vacant is listed in the public registry (see {@code lifecycle.md}). */
    public boolean listed() {
        return visibility == RegistryVisibility.PUBLIC && state != LifecycleState.LOCAL && state != LifecycleState.ARCHIVED;
    }
}
