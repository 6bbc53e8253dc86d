package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stored form before stable names (up to migration V50): {@code payload_type} the event record's binary class
 * name and {@code payload} the Jackson JSON of the record, {@code {"entry": {...}}} plus {@code bundle} and
 * {@code substrate} for genesis and birth. {@link #upgrade} turns such a row into today's form; the class names are
 * frozen here as they were, so renaming a record later cannot change what an old store upgrades to.
 */
public final class LegacyStoredEvent {

    private static final String VACANT_EVENTS = "dev.vacant.kernel.vacant.VacantEvents$";
    private static final String TASK_EVENTS = "dev.vacant.kernel.task.TaskEvents$";

    /** Each legacy class name and the stored name (revision 1) it became. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(VACANT_EVENTS + "GenesisRecordedEvent", "vacant.genesis"),
            Map.entry(VACANT_EVENTS + "VacantBornEvent", "vacant.birth"),
            Map.entry(VACANT_EVENTS + "VacantPublishedEvent", "vacant.published"),
            Map.entry(VACANT_EVENTS + "HeartbeatRecordedEvent", "vacant.heartbeat"),
            Map.entry(VACANT_EVENTS + "CallReceivedEvent", "vacant.call_received"),
            Map.entry(VACANT_EVENTS + "ReviewReceivedEvent", "vacant.review_received"),
            Map.entry(VACANT_EVENTS + "VacantRevivedEvent", "vacant.revived"),
            Map.entry(VACANT_EVENTS + "VacantArchivedEvent", "vacant.archived"),
            Map.entry(VACANT_EVENTS + "ChildSpawnedEvent", "vacant.spawn"),
            Map.entry(VACANT_EVENTS + "SpawnConsentUsedEvent", "vacant.consent_used"),
            Map.entry(VACANT_EVENTS + "ConsentGrantedEvent", "vacant.consent_granted"),
            Map.entry(VACANT_EVENTS + "DormancyElapsedEvent", "vacant.dormancy_elapsed"),
            Map.entry(VACANT_EVENTS + "BehaviorSampledEvent", "vacant.behavior_sampled"),
            Map.entry(VACANT_EVENTS + "DriftDetectedEvent", "vacant.drift_detected"),
            Map.entry(VACANT_EVENTS + "AnchorResetEvent", "vacant.anchor_reset"),
            Map.entry(VACANT_EVENTS + "ChildRegisteredEvent", "vacant.child_registered"),
            Map.entry(VACANT_EVENTS + "ManifestAcceptedEvent", "vacant.manifest_accepted"),
            Map.entry(VACANT_EVENTS + "AllowlistChangedEvent", "vacant.allowlist_changed"),
            Map.entry(VACANT_EVENTS + "OutboundCallAllowedEvent", "vacant.outbound_allowed"),
            Map.entry(VACANT_EVENTS + "OutboundCallDeniedEvent", "vacant.outbound_denied"),
            Map.entry(VACANT_EVENTS + "SubtaskDelegatedEvent", "vacant.delegated"),
            Map.entry(VACANT_EVENTS + "TaskReceivedEvent", "vacant.task_received"),
            Map.entry(VACANT_EVENTS + "DelegationCompletedEvent", "vacant.delegation_completed"),
            Map.entry(VACANT_EVENTS + "ChildGraduatedEvent", "vacant.graduated"),
            Map.entry(TASK_EVENTS + "TaskSubmittedEvent", "task.submitted"),
            Map.entry(TASK_EVENTS + "TaskUnblockedEvent", "task.unblocked"),
            Map.entry(TASK_EVENTS + "TaskDependencyFailedEvent", "task.dependency_failed"),
            Map.entry(TASK_EVENTS + "TaskTakenEvent", "task.taken"),
            Map.entry(TASK_EVENTS + "TaskLeaseExpiredEvent", "task.lease_expired"),
            Map.entry(TASK_EVENTS + "TaskExecutedEvent", "task.executed"),
            Map.entry(TASK_EVENTS + "TaskExecutionFailedEvent", "task.execution_failed"),
            Map.entry(TASK_EVENTS + "TaskReviewedEvent", "task.reviewed"),
            Map.entry(TASK_EVENTS + "TaskRetriedEvent", "task.retried"),
            Map.entry(TASK_EVENTS + "RewardGrantedEvent", "task.reward_granted"),
            Map.entry("dev.vacant.kernel.task.ControlChangedEvent", "task.control_changed"));

    /** The attachments fields of the legacy genesis and birth records. */
    private static final List<String> ATTACHMENT_FIELDS = List.of("bundle", "substrate");

    /** A row in today's form: stored name and revision, the canonical entry, the metadata with its attachments. */
    public record Upgraded(String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private LegacyStoredEvent() {
    }


    /**
     * Today's form of a legacy row, if its payload holds an entry; a row that does not is left as it is, so the
     * audit still reports it. The entry is copied, never re-signed: a tampered entry stays tampered.
     */
    public static Optional<Upgraded> upgrade(String payloadType, byte[] payload, byte[] metaData) {
        String name = NAMES.get(payloadType);
        try {
            JsonNode legacy = name == null ? null : Json.mapper().readTree(payload);
            Optional<byte[]> entry = legacy == null ? Optional.empty()
                    : StoredEntry.read(legacy.path("entry")).map(StoredEntry::encode);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Upgraded(name, "1", entry.get(), metaData(legacy, metaData)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static byte[] metaData(JsonNode legacy, byte[] stored) throws IOException {
        JsonNode parsed = stored == null ? null : Json.mapper().readTree(stored);
        ObjectNode metaData = parsed instanceof ObjectNode object ? object : Json.object();
        Map<String, String> attachments = ATTACHMENT_FIELDS.stream().filter(field -> legacy.path(field).isObject())
                .map(legacy::get).collect(Collectors.toMap(
                        content -> Blake2b.hex256(CanonicalJson.canonicalize(content)), CanonicalJson::canonicalText));
        if (!attachments.isEmpty()) {
            metaData.set(Attached.META_DATA_KEY, Json.mapper().valueToTree(attachments));
        }
        return Json.write(metaData).getBytes(StandardCharsets.UTF_8);
    }
}
