package dev.vacant.infra.web.vacant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.ReviewPayload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the vacant command endpoints (snake_case JSON; unknown fields are rejected). */
public final class VacantRequests {

    private VacantRequests() {
    }

    /** Parses a vacant id from a request, as {@code VALIDATION_FAILED} when malformed. */
    public static VacantId vacantId(String field, String value) {
        try {
            return VacantId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + ": " + e.getMessage());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BundleBody(@Size(max = 32768) String systemPrompt, @Size(max = 32768) String policyDsl,
                             @Size(max = 256) List<String> toolWhitelist) {
        BehaviorBundle toBundle() {
            return new BehaviorBundle(systemPrompt, policyDsl, toolWhitelist);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubstrateBody(@NotBlank String provider, @NotBlank String model, @NotBlank String modelFamily,
                                ObjectNode params) {
        SubstrateSpec toSpec() {
            return new SubstrateSpec(provider, model, modelFamily, params);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GenesisBody(@Size(min = 1, max = 128) String controller, LifecycleState state,
                              @NotNull @Valid BundleBody bundle, @NotNull @Valid SubstrateBody substrate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HeartbeatBody(ObjectNode extra) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CallBody(@Size(max = 128) String caller) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReviewBody(@NotBlank String reviewer, @NotBlank @Size(max = 64) String verdict, Integer score,
                             @Size(max = ReviewPayload.MAX_COMMENT) String comment) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SampleBody(@NotNull String text) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsentBody(String nonce, String expiresAt, String signature) {
        SpawnConsent toConsent() {
            return new SpawnConsent(nonce, expiresAt, signature);
        }
    }

    /** One body for all five paths: {@code path} says which inputs apply. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpawnBody(@NotNull SpawnPath path, String policyMutation, List<String> narrowedTools,
                            String newCapabilityText, String newSystemPrompt, String parentB, @Valid ConsentBody consent,
                            String mergedSystemPrompt, @Valid SubstrateBody newSubstrateSpec,
                            @Size(min = 1, max = 128) String controller) {

        SpawnRequest toRequest() {
            return switch (path) {
                case D1 -> new SpawnRequest.CloneWithMutation(policyMutation);
                case D2 -> new SpawnRequest.SubagentBud(narrowedTools);
                case D3 -> new SpawnRequest.CapabilityFork(newCapabilityText, newSystemPrompt);
                case D4 -> new SpawnRequest.LineageMerge(parentB == null ? null : vacantId("parent_b", parentB),
                        consent == null ? null : consent.toConsent(), mergedSystemPrompt);
                case D5 -> new SpawnRequest.CrossSubstrateRespawn(newSubstrateSpec == null ? null : newSubstrateSpec.toSpec());
            };
        }
    }
}
