package dev.vacant.infra.web.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.composite.CompositeResults.GraduationResult;
import dev.vacant.command.composite.CompositeResults.OutboundResult;
import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.web.vacant.VacantResponses.VacantState;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionSignals;
import dev.vacant.query.composite.CompositeChildRow;
import dev.vacant.query.composite.DelegationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Response bodies of the composite endpoints. */
public final class CompositeResponses {

    private CompositeResponses() {
    }

    /** Both vacants after a two-chain command. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pair(VacantState parent, VacantState child, long position) {
        static Pair of(PairResult heads, long position, ProjectionPositions positions) {
            return new Pair(VacantState.of(heads.parent(), position, positions),
                    VacantState.of(heads.child(), position, positions), position);
        }
    }

    /** A registration: the manifest in force and both vacants. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Registered(ChildManifest manifest, VacantState parent, VacantState child, long position) {
    }

    /** A Tree-Only verdict (always recorded on the caller's chain). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutboundVerdict(boolean allowed, String code, String rule, String callee, VacantState caller,
                                  long position) {
        static OutboundVerdict of(OutboundResult result, String callee, long position,
                                  ProjectionPositions positions) {
            return new OutboundVerdict(result.decision().allowed(),
                    result.decision().code() == null ? null : result.decision().code().name(),
                    result.decision().rule().name(), callee, VacantState.of(result.caller(), position, positions),
                    position);
        }
    }

    /** One delegation of a plan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DelegationView(String delegationId, String child, String subtaskDigest, VacantState childState) {
    }

    /** A child's in-process runner: its delegation lane, the lane its answers go to, and whether it runs here. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChildRunner(String child, String lane, String resultsLane, boolean running) {
    }

    /** A delegated plan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delegated(String planId, boolean parallel, String aggregate, List<DelegationView> delegations,
                            VacantState parent, long position) {
        static Delegated of(DelegationResult result, long position, ProjectionPositions positions) {
            return new Delegated(result.planId(), result.parallel(), result.aggregate().label(),
                    result.delegations().stream().map(d -> new DelegationView(d.delegationId(), d.child(),
                            d.subtaskDigest(), VacantState.of(d.childHead(), position, positions))).toList(),
                    VacantState.of(result.parent(), position, positions), position);
        }
    }

    /** The three collusion signals, in [0, 1]. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Signals(double sameController, double sameSubstrate, double sameStylo) {
        static Signals of(CollusionSignals signals) {
            return new Signals(signals.sameControllerMilli() / 1000.0, signals.sameSubstrateMilli() / 1000.0,
                    signals.sameStyloMilli() / 1000.0);
        }
    }

    /** A graduation: the new manifest, the signed card, the signals, and both vacants. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Graduated(ChildManifest manifest, CapabilityCard card, Signals signals, VacantState parent,
                            VacantState child, long position) {
        static Graduated of(GraduationResult result, long position, ProjectionPositions positions) {
            return new Graduated(result.manifest(), result.card(), Signals.of(result.signals()),
                    VacantState.of(result.heads().parent(), position, positions),
                    VacantState.of(result.heads().child(), position, positions), position);
        }
    }

    /** A child as the composite view shows it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChildView(String childId, String schemaVersion, String birthPath, boolean closedByDefault,
                            Axes axes, JsonNode manifest, Instant registeredAt, Graduation graduation,
                            Outbound outbound) {
        static ChildView of(CompositeChildRow row) {
            Graduation graduation = row.graduatedAt() == null ? null : new Graduation(row.graduatedAt(),
                    row.capabilityText(), new Signals(row.sameControllerMilli() / 1000.0,
                    row.sameSubstrateMilli() / 1000.0, row.sameStyloMilli() / 1000.0));
            return new ChildView(row.childId(), row.schemaVersion(), row.birthPath(), row.closedByDefault(),
                    new Axes(row.registryVisibility(), row.endpointReachability(), row.outboundPolicy()), row.manifest(),
                    row.registeredAt(), graduation, new Outbound(row.outboundAllowed(), row.outboundDenied()));
        }
    }

    /** The three axes in force. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Axes(String registryVisibility, String endpointReachability, String outboundPolicy) {
    }

    /** When and how a child graduated. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Graduation(Instant at, String capabilityText, Signals signals) {
    }

    /** Tree-Only verdict counters of one caller. */
    public record Outbound(long allowed, long denied) {
    }

    /** A plan's delegations in plan order, and its aggregate once every result is in. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(String planId, boolean parallel, String aggregate, boolean complete, List<PlanItem> delegations,
                       JsonNode results) {
    }

    /** One delegation of a plan, with its result (or, failed, its error code) once completed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanItem(String delegationId, String child, int planIndex, String subtaskDigest, Instant delegatedAt,
                           String resultDigest, String result, String error, Instant completedAt) {
        static PlanItem of(DelegationRow row) {
            return new PlanItem(row.delegationId(), row.childId(), row.planIndex(), row.subtaskDigest(),
                    row.delegatedAt(), row.resultDigest(), row.result(), row.error(), row.completedAt());
        }
    }

    /** The inside of a composite, for its controller. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CompositeView(String id, List<ChildView> children, List<String> allowlist, long graduationsInWindow,
                                List<Plan> plans) {
    }

    /**
     * Groups delegations into plans (in order of their first delegation) and combines each complete plan's results by
     * its aggregate: a list in plan order, their concatenation, or the first result that came back.
     */
    static List<Plan> plans(List<DelegationRow> delegations) {
        Map<String, List<DelegationRow>> byPlan = new LinkedHashMap<>();
        delegations.forEach(row -> byPlan.computeIfAbsent(row.planId(), id -> new ArrayList<>()).add(row));
        return byPlan.entrySet().stream().map(plan -> {
            List<DelegationRow> rows = plan.getValue();
            DelegationAggregate aggregate = DelegationAggregate.of(rows.get(0).aggregate());
            Optional<JsonNode> combined = aggregate.combine(rows.stream()
                    .map(row -> new DelegationAggregate.Outcome(row.result(), row.completedAt(), row.error())).toList());
            return new Plan(plan.getKey(), rows.get(0).parallel(), aggregate.label(), combined.isPresent(),
                    rows.stream().map(PlanItem::of).toList(), combined.orElse(null));
        }).toList();
    }
}
