package dev.vacant.kernel.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.composite.AllowlistPayload;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.ConsentUsedPayload;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.SamplePayload;
import dev.vacant.kernel.vacant.SpawnPayload;
import java.util.Map;

/**
 * The Vacant aggregate's events, named in the past tense; see {@link VacantEvent}. An event whose payload the
 * aggregate or a projection reads as a typed record carries it as its {@code payload} component, decoded once from
 * the entry when the event is built (the one-argument constructors, which the event table's factories use), so every
 * reader of one event reads the same decoded object.
 */
public final class VacantEvents {

    private VacantEvents() {
    }

    private static Map<String, JsonNode> attachmentsOf(BehaviorBundle bundle, SubstrateSpec substrate) {
        return Map.of(bundle.digest(), Json.mapper().valueToTree(bundle), substrate.digest(),
                Json.mapper().valueToTree(substrate));
    }

    /** The typed reading of {@code entry}'s signed payload. */
    private static <P> P payloadOf(LogbookEntry entry, Class<P> type) {
        return Payloads.read(entry.body().payload(), type);
    }

    /** The attachment the payload's {@code field} addresses, read as {@code type}; fails when none hashes to it. */
    private static <T> T attachment(LogbookEntry entry, Map<String, JsonNode> attachments, String field,
                                    Class<T> type) {
        String digest = entry.body().payload().path(field).asText(null);
        JsonNode content = Attached.addressed(attachments, digest).orElseThrow(() -> new IllegalArgumentException(
                "no attachment for " + field + " " + digest + " of " + entry.body().vacant() + "@" + entry.seq()));
        try {
            return Json.mapper().treeToValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable attachment " + digest, e);
        }
    }

    /** A root vacant was minted by genesis (GENESIS, seq 0). */
    public record GenesisRecordedEvent(LogbookEntry entry, BirthPayload payload, BehaviorBundle bundle,
                                       SubstrateSpec substrate) implements VacantEvent, Attached {

        /** The event of {@code entry}, its payload decoded, with the bundle and substrate it addresses. */
        public GenesisRecordedEvent(LogbookEntry entry, BehaviorBundle bundle, SubstrateSpec substrate) {
            this(entry, payloadOf(entry, BirthPayload.class), bundle, substrate);
        }

        /** The event of {@code entry} with the bundle and substrate its payload addresses. */
        public static GenesisRecordedEvent of(LogbookEntry entry, Map<String, JsonNode> attachments) {
            return new GenesisRecordedEvent(entry, attachment(entry, attachments, "bundle_digest", BehaviorBundle.class),
                    attachment(entry, attachments, "substrate_digest", SubstrateSpec.class));
        }

        @Override
        public Map<String, JsonNode> attachments() {
            return attachmentsOf(bundle, substrate);
        }
    }

    /** A child vacant was born of a spawn (BIRTH, seq 0). */
    public record VacantBornEvent(LogbookEntry entry, BirthPayload payload, BehaviorBundle bundle,
                                  SubstrateSpec substrate) implements VacantEvent, Attached {

        /** The event of {@code entry}, its payload decoded, with the bundle and substrate it addresses. */
        public VacantBornEvent(LogbookEntry entry, BehaviorBundle bundle, SubstrateSpec substrate) {
            this(entry, payloadOf(entry, BirthPayload.class), bundle, substrate);
        }

        /** The event of {@code entry} with the bundle and substrate its payload addresses. */
        public static VacantBornEvent of(LogbookEntry entry, Map<String, JsonNode> attachments) {
            return new VacantBornEvent(entry, attachment(entry, attachments, "bundle_digest", BehaviorBundle.class),
                    attachment(entry, attachments, "substrate_digest", SubstrateSpec.class));
        }

        @Override
        public Map<String, JsonNode> attachments() {
            return attachmentsOf(bundle, substrate);
        }
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
    public record ChildSpawnedEvent(LogbookEntry entry, SpawnPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public ChildSpawnedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, SpawnPayload.class));
        }
    }

    /** The vacant's D4 consent was spent (CONSENT_USED on the second parent's chain). */
    public record SpawnConsentUsedEvent(LogbookEntry entry, ConsentUsedPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public SpawnConsentUsedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, ConsentUsedPayload.class));
        }
    }

    /** The vacant signed (or had verified) a consent of one of the spec's purposes (CONSENT_GRANTED). */
    public record ConsentGrantedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A dormancy timer fired (DORMANCY_ELAPSED). */
    public record DormancyElapsedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A behaviour sample was reported (BEHAVIOR_SAMPLED: digest, length, STYLO-16 values in millionths). */
    public record BehaviorSampledEvent(LogbookEntry entry, SamplePayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public BehaviorSampledEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, SamplePayload.class));
        }

        /** Equal by entry, which the payload is read from (its features are an array, without value equality). */
        @Override
        public boolean equals(Object other) {
            return other instanceof BehaviorSampledEvent sampled && entry.equals(sampled.entry);
        }

        @Override
        public int hashCode() {
            return entry.hashCode();
        }
    }

    /** A sample drifted from the anchor (DRIFT_DETECTED). */
    public record DriftDetectedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The drift anchor was reset on request (ANCHOR_RESET). */
    public record AnchorResetEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A child was registered under this composite with a dual-signed manifest (CHILD_REGISTERED, parent's chain). */
    public record ChildRegisteredEvent(LogbookEntry entry, ManifestPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public ChildRegisteredEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, ManifestPayload.class));
        }
    }

    /** The vacant accepted its manifest as a composite child (MANIFEST_ACCEPTED, child's chain). */
    public record ManifestAcceptedEvent(LogbookEntry entry, ManifestPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public ManifestAcceptedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, ManifestPayload.class));
        }
    }

    /** The composite's peer allowlist changed (ALLOWLIST_CHANGED). */
    public record AllowlistChangedEvent(LogbookEntry entry, AllowlistPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public AllowlistChangedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, AllowlistPayload.class));
        }
    }

    /** Tree-Only allowed an outbound call of the vacant (OUTBOUND_ALLOWED). */
    public record OutboundCallAllowedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** Tree-Only denied an outbound call of the vacant (OUTBOUND_DENIED). */
    public record OutboundCallDeniedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** The composite delegated a subtask to a child (DELEGATED, parent's chain). */
    public record SubtaskDelegatedEvent(LogbookEntry entry, DelegatedPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public SubtaskDelegatedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, DelegatedPayload.class));
        }
    }

    /** The child received a delegated subtask, as a call (TASK_RECEIVED, child's chain). */
    public record TaskReceivedEvent(LogbookEntry entry) implements VacantEvent {
    }

    /** A delegation's result came back (DELEGATION_COMPLETED, on both chains). */
    public record DelegationCompletedEvent(LogbookEntry entry, DelegationCompletedPayload payload)
            implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public DelegationCompletedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, DelegationCompletedPayload.class));
        }
    }

    /** A closed child graduated to a listed public resident (GRADUATED, on both chains). */
    public record ChildGraduatedEvent(LogbookEntry entry, GraduatedPayload payload) implements VacantEvent {

        /** The event of {@code entry}, its payload decoded once. */
        public ChildGraduatedEvent(LogbookEntry entry) {
            this(entry, payloadOf(entry, GraduatedPayload.class));
        }
    }
}
