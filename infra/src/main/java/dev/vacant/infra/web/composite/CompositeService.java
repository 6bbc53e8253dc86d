package dev.vacant.infra.web.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.composite.CompositeCommands.AuthorizeOutboundCallCommand;
import dev.vacant.command.composite.CompositeCommands.ChangeAllowlistCommand;
import dev.vacant.command.composite.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.composite.CompositeCommands.DelegateSubtasksCommand;
import dev.vacant.command.composite.CompositeCommands.GraduateChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterOwnChildCommand;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.composite.CompositeResults.OutboundResult;
import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.command.composite.CompositeResults.RegistrationResult;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.infra.card.CapabilityCards;
import dev.vacant.infra.composite.ChildRunners;
import dev.vacant.infra.composite.DelegationDelivery;
import dev.vacant.infra.composite.DelegationProperties;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.composite.CompositeRequests.AllowlistBody;
import dev.vacant.infra.web.composite.CompositeRequests.CompletionBody;
import dev.vacant.infra.web.composite.CompositeRequests.DelegationBody;
import dev.vacant.infra.web.composite.CompositeRequests.GraduationBody;
import dev.vacant.infra.web.composite.CompositeRequests.OutboundCheckBody;
import dev.vacant.infra.web.composite.CompositeRequests.RegisterChildBody;
import dev.vacant.infra.web.composite.CompositeResponses.ChildRunner;
import dev.vacant.infra.web.composite.CompositeResponses.ChildView;
import dev.vacant.infra.web.composite.CompositeResponses.CompositeView;
import dev.vacant.infra.web.composite.CompositeResponses.Delegated;
import dev.vacant.infra.web.composite.CompositeResponses.Graduated;
import dev.vacant.infra.web.composite.CompositeResponses.OutboundVerdict;
import dev.vacant.infra.web.composite.CompositeResponses.Pair;
import dev.vacant.infra.web.composite.CompositeResponses.Registered;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.infra.web.vacant.VacantResponses.VacantState;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.composite.CompositeChildRow;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.composite.CompositeQueries;
import dev.vacant.query.registry.RegistryProjector;
import dev.vacant.query.registry.RegistryQueries;
import dev.vacant.query.registry.RegistryRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Composites ({@code composite.md}, {@code docs/composite.md}) as the REST and gRPC adapters share them: the inside
 * view for the parent's controller, registration, allowlist, Tree-Only checks, delegation and completion,
 * graduation, and the capability card. Acts of the composite need its controller or an operator; an outbound check
 * needs the caller's controller; a completion the child's.
 */
@Service
@Validated
public class CompositeService {

    private static final List<String> READS = List.of(RegistryProjector.NAME, CompositeProjector.NAME);

    private final CommandSender commands;
    private final ProjectionPositions positions;
    private final RegistryQueries registry;
    private final CompositeQueries composites;
    private final ReadConsistency consistency;
    private final CapabilityCards cards;
    private final Clock clock;
    private final DelegationDelivery delivery;
    private final DelegationProperties delegations;
    private final ChildRunners runners;

    public CompositeService(CommandSender commands, ProjectionPositions positions, RegistryQueries registry,
                            CompositeQueries composites, ReadConsistency consistency, CapabilityCards cards,
                            Clock clock, DelegationDelivery delivery, DelegationProperties delegations,
                            ChildRunners runners) {
        this.commands = commands;
        this.positions = positions;
        this.registry = registry;
        this.composites = composites;
        this.consistency = consistency;
        this.cards = cards;
        this.clock = clock;
        this.delivery = delivery;
        this.delegations = delegations;
        this.runners = runners;
    }

    private static String id(String field, String value) {
        return VacantRequests.vacantId(field, value).value();
    }

    /** The composite's children, allowlist, graduations in the current window and delegation plans. */
    public CompositeView get(Actor actor, String parent, Long position, String consistency) {
        this.consistency.await(READS, position, ReadConsistency.strong(consistency));
        String id = id("parent", parent);
        registry.find(actor, id).filter(row -> actor.isOperator() || actor.principal().equals(row.controller()))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such composite: " + id));
        return new CompositeView(id, composites.children(id).stream().map(ChildView::of).toList(),
                composites.allowlist(id), composites.graduationsSince(id, clock.instant().minus(GraduationGate.WINDOW)),
                CompositeResponses.plans(composites.delegations(id)));
    }

    /** Registers a child: a manifest both signed, or one custody signs when the caller controls both. */
    public Registered register(Actor actor, String parent, @NotNull RegisterChildBody body) {
        String id = id("parent", parent);
        RegistrationResult result = commands.send(body.signedByCaller()
                ? new RegisterChildCommand(id, actor, body.manifest())
                : new RegisterOwnChildCommand(id, actor, VacantRequests.vacantId("child_id", body.childId()),
                        body.closedByDefault(), body.axes()));
        long head = positions.head();
        return new Registered(result.manifest(), VacantState.of(result.heads().parent(), head, positions),
                VacantState.of(result.heads().child(), head, positions), head);
    }

    public VacantState allowlist(Actor actor, String parent, @NotNull @Valid AllowlistBody body) {
        VacantCommandResult result = commands.send(new ChangeAllowlistCommand(id("parent", parent), actor,
                CompositeRequests.ids("add", body.add()), CompositeRequests.ids("remove", body.remove())));
        return VacantState.of(result, positions.head(), positions);
    }

    /**
     * Tree-Only: answers 200 with the verdict whether allowed or not, because a denial is recorded
     * (OUTBOUND_DENIED) and a rejected command would write nothing; see {@code docs/composite.md}.
     */
    public OutboundVerdict outbound(Actor actor, String parent, @NotNull @Valid OutboundCheckBody body) {
        VacantId callee = VacantRequests.vacantId("callee", body.callee());
        OutboundResult result = commands.send(new AuthorizeOutboundCallCommand(id("parent", parent), actor,
                VacantRequests.vacantId("caller", body.caller()), callee));
        return OutboundVerdict.of(result, callee.value(), positions.head(), positions);
    }

    /**
     * Records the plan (DELEGATED, TASK_RECEIVED), then delivers it through the children's lanes
     * ({@link DelegationDelivery}); the answers come back as completions while this answers at once.
     */
    public Delegated delegate(Actor actor, String parent, @NotNull @Valid DelegationBody body) {
        String id = id("parent", parent);
        List<Subtask> plan = body.toPlan();
        DelegationResult recorded = commands.send(new DelegateSubtasksCommand(id, actor, plan,
                Boolean.TRUE.equals(body.parallel()), body.combiner()));
        delivery.deliver(id, recorded, plan, body.timeoutMs() == null ? delegations.delegationTimeout()
                : Duration.ofMillis(body.timeoutMs()));
        return Delegated.of(recorded, positions.head(), positions);
    }

    /**
     * Runs a registered, not graduated child's delegated subtasks on this instance ({@link ChildRunners}), for the
     * child's controller or an operator; answers the child's delegation lane.
     */
    public ChildRunner runChild(Actor actor, String parent, String child, boolean run) {
        String parentId = id("parent", parent);
        String childId = id("child", child);
        CompositeChildRow row = composites.children(parentId).stream()
                .filter(candidate -> candidate.childId().equals(childId) && candidate.graduatedAt() == null).findFirst()
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, childId + " is not a child inside "
                        + parentId));
        actor.requireControlOf(registry.find(actor, childId).map(RegistryRow::controller).orElse(null));
        VacantId parentKey = VacantId.parse(row.parentId());
        VacantId childKey = VacantId.parse(childId);
        if (run) {
            runners.run(parentKey, childKey);
        } else {
            runners.stop(parentKey, childKey);
        }
        DelegationLane lane = DelegationLane.of(parentKey, childKey);
        return new ChildRunner(childId, lane.tasks(), lane.results(), run);
    }

    public Pair complete(Actor actor, String parent, String delegation, @NotNull @Valid CompletionBody body) {
        PairResult result = commands.send(new CompleteDelegationCommand(id("parent", parent), actor,
                VacantRequests.vacantId("child", body.child()), delegation, body.result()));
        return Pair.of(result, positions.head(), positions);
    }

    public Graduated graduate(Actor actor, String parent, @NotNull @Valid GraduationBody body) {
        return Graduated.of(commands.send(new GraduateChildCommand(id("parent", parent), actor,
                VacantRequests.vacantId("child_id", body.childId()), body.capabilityText(), body.outboundPolicy(),
                body.parentSignature(), body.childSignature())), positions.head(), positions);
    }

    /**
     * The signed capability card of a graduated or a listed public vacant ({@link CapabilityCards}), verifiable with
     * the id alone; for anyone who can see the vacant, {@code NOT_FOUND} otherwise or without a card.
     */
    public CapabilityCard card(Actor actor, String id, Long position, String consistency) {
        this.consistency.await(READS, position, ReadConsistency.strong(consistency));
        String vacant = VacantRequests.vacantId("id", id).value();
        return cards.card(actor, vacant).map(card -> Json.mapper().convertValue(card, CapabilityCard.class))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no capability card for " + vacant));
    }
}
