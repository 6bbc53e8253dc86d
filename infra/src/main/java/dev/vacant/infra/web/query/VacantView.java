package dev.vacant.infra.web.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.web.vacant.VacantResponses.LogbookHead;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.query.registry.RegistryRow;
import java.time.Instant;

/** A vacant as the registry shows it; the single-vacant view adds the bundle and substrate contents. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VacantView(String id, LifecycleState state, String controller, RegistryVisibility registryVisibility,
                         Substrate substrate, String bundleDigest, String substrateDigest, String birthPath,
                         String parent, String secondaryParent, String capabilityText, Instant createdAt,
                         Instant lastActive, Instant stateSince, Instant lastHeartbeat, long heartbeatCount,
                         Drift drift, LogbookHead logbookHead, long position, JsonNode bundle) {

    /** Where the vacant runs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Substrate(String provider, String model, String modelFamily) {
    }

    /** The registry's drift summary. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drift(Long latestMilli, long detections, long samples) {
    }

    static VacantView of(RegistryRow row, JsonNode bundle) {
        return new VacantView(row.vacantId(), row.state(), row.controller(), row.visibility(),
                new Substrate(row.provider(), row.model(), row.modelFamily()), row.bundleDigest(),
                row.substrateDigest(), row.birthPath(), row.parent(), row.secondaryParent(), row.capabilityText(),
                row.createdAt(), row.lastActive(), row.stateSince(), row.lastHeartbeat(), row.heartbeatCount(),
                new Drift(row.driftLatestMilli(), row.driftDetections(), row.samples()),
                new LogbookHead(row.headSeq(), row.headHash(), row.position()), row.position(), bundle);
    }
}
