package dev.vacant.kernel.vacant;

import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;

/** The Vacant aggregate's events, named in the past tense; see {@link VacantEvent}. */
public final class VacantEvents {

    private VacantEvents() {
    }

    /** A root vacant was minted by genesis (GENESIS, seq 0). */
    public record GenesisRecordedEvent(LogbookEntry entry, BehaviorBundle bundle, SubstrateSpec substrate)
            implements VacantEvent {
    }

    /** A child vacant was born of a spawn (BIRTH, seq 0). */
    public record VacantBornEvent(LogbookEntry entry, BehaviorBundle bundle, SubstrateSpec substrate)
            implements VacantEvent {
    }

    /** An operator published a LOCAL genesis root (PUBLISHED). */
    public record VacantPublishedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A heartbeat (HEARTBEAT, or HEARTBEAT_SUNK custody attestation). */
    public record HeartbeatRecordedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A call reached the vacant (CALL_RECEIVED). */
    public record CallReceivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** Another vacant reviewed this one (REVIEW_RECEIVED). */
    public record ReviewReceivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A hibernating or stale vacant was revived (REVIVED). */
    public record VacantRevivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A sunk vacant was archived and its key destroyed (ARCHIVED). */
    public record VacantArchivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The vacant spawned a child (SPAWN on the parent's chain). */
    public record ChildSpawnedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The vacant's D4 consent was spent (CONSENT_USED on the second parent's chain). */
    public record SpawnConsentUsedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The vacant signed (or had verified) a consent of one of the spec's purposes (CONSENT_GRANTED). */
    public record ConsentGrantedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A dormancy timer fired (DORMANCY_ELAPSED). */
    public record DormancyElapsedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A behaviour sample was reported (BEHAVIOR_SAMPLED: digest, length, STYLO-16 values in millionths). */
    public record BehaviorSampledEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A sample drifted from the anchor (DRIFT_DETECTED). */
    public record DriftDetectedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The drift anchor was reset on request (ANCHOR_RESET). */
    public record AnchorResetEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A child was registered under this composite with a dual-signed manifest (CHILD_REGISTERED, parent's chain). */
    public record ChildRegisteredEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The vacant accepted its manifest as a composite child (MANIFEST_ACCEPTED, child's chain). */
    public record ManifestAcceptedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The composite's peer allowlist changed (ALLOWLIST_CHANGED). */
    public record AllowlistChangedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** Tree-Only allowed an outbound call of the vacant (OUTBOUND_ALLOWED). */
    public record OutboundCallAllowedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** Tree-Only denied an outbound call of the vacant (OUTBOUND_DENIED). */
    public record OutboundCallDeniedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The composite delegated a subtask to a child (DELEGATED, parent's chain). */
    public record SubtaskDelegatedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The child received a delegated subtask, as a call (TASK_RECEIVED, child's chain). */
    public record TaskReceivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A delegation's result came back (DELEGATION_COMPLETED, on both chains). */
    public record DelegationCompletedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A closed child graduated to a listed public resident (GRADUATED, on both chains). */
    public record ChildGraduatedEvent(LogbookEntry entry) implements VacantEvent {
    }
}
