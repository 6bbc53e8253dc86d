package dev.vacant.infra.web.composite;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.EndpointReachability;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.vacant.RegistryVisibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the composite endpoints (snake_case JSON; unknown fields are rejected). */
public final class CompositeRequests {

    /** The longest a delegation may wait for its answer: a day. */
    static final long MAX_TIMEOUT_MS = 86_400_000L;

    private CompositeRequests() {
    }

    static List<VacantId> ids(String field, List<String> values) {
        return values == null ? List.of() : values.stream().map(value -> VacantRequests.vacantId(field, value)).toList();
    }

    /**
     * A registration: either a {@code manifest} both parties signed, or a {@code child_id} (with optional axes) for
     * custody to sign when the caller controls both.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RegisterChildBody(ChildManifest manifest, String childId, Boolean closedByDefault,
                                    RegistryVisibility registryVisibility, EndpointReachability endpointReachability,
                                    OutboundPolicy outboundPolicy) {

        boolean signedByCaller() {
            if ((manifest == null) == (childId == null)) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "send either a signed manifest or a child_id");
            }
            return manifest != null;
        }

        /** The axes to sign: the self-grown ones, with whatever the body overrides. */
        ChildManifest.Axes axes() {
            ChildManifest.Axes base = ChildManifest.Axes.SELF_GROWN;
            return new ChildManifest.Axes(registryVisibility == null ? base.visibility() : registryVisibility,
                    endpointReachability == null ? base.reachability() : endpointReachability,
                    outboundPolicy == null ? base.outbound() : outboundPolicy);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AllowlistBody(@Size(max = 256) List<String> add, @Size(max = 256) List<String> remove) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutboundCheckBody(@NotBlank String caller, @NotBlank String callee) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubtaskBody(@NotBlank String child, @NotNull String subtask) {
        Subtask toSubtask() {
            return new Subtask(VacantRequests.vacantId("child", child), subtask);
        }
    }

    /**
     * One subtask ({@code child}, {@code subtask}) or a {@code plan}, sequential unless {@code parallel}; results
     * combine by {@code aggregate}: {@code list} (default), {@code concat} or {@code first_success}; each delegation
     * waits at most {@code timeout_ms} (1 ms to 1 day, default {@code vacant.composites.delegation-timeout}) for its
     * answer.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DelegationBody(String child, String subtask, @Valid List<SubtaskBody> plan, Boolean parallel,
                                 String aggregate, @Min(1) @Max(MAX_TIMEOUT_MS) Long timeoutMs) {

        DelegationAggregate combiner() {
            return DelegationAggregate.of(aggregate);
        }

        List<Subtask> toPlan() {
            if ((plan == null) == (child == null)) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "send either child and subtask, or a plan");
            }
            return plan == null ? List.of(new SubtaskBody(child, subtask).toSubtask())
                    : plan.stream().map(SubtaskBody::toSubtask).toList();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CompletionBody(@NotBlank String child, @NotNull String result) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GraduationBody(@NotBlank String childId, @NotNull String capabilityText, OutboundPolicy outboundPolicy,
                                 String parentSignature, String childSignature) {
    }
}
