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
}
