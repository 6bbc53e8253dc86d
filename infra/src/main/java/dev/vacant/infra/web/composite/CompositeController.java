package dev.vacant.infra.web.composite;

import dev.vacant.command.vacant.CompositeCommands.AuthorizeOutboundCallCommand;
import dev.vacant.command.vacant.CompositeCommands.ChangeAllowlistCommand;
import dev.vacant.command.vacant.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.vacant.CompositeCommands.DelegateSubtasksCommand;
import dev.vacant.command.vacant.CompositeCommands.GraduateChildCommand;
import dev.vacant.command.vacant.CompositeCommands.RegisterChildCommand;
import dev.vacant.command.vacant.CompositeCommands.RegisterOwnChildCommand;
import dev.vacant.command.vacant.CompositeResults.OutboundResult;
import dev.vacant.command.vacant.CompositeResults.PairResult;
import dev.vacant.command.vacant.CompositeResults.RegistrationResult;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.composite.CompositeRequests.AllowlistBody;
import dev.vacant.infra.web.composite.CompositeRequests.CompletionBody;
import dev.vacant.infra.web.composite.CompositeRequests.DelegationBody;
import dev.vacant.infra.web.composite.CompositeRequests.GraduationBody;
import dev.vacant.infra.web.composite.CompositeRequests.OutboundCheckBody;
import dev.vacant.infra.web.composite.CompositeRequests.RegisterChildBody;
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
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.composite.CompositeQueries;
import dev.vacant.query.registry.RegistryProjector;
import dev.vacant.query.registry.RegistryQueries;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for composites ({@code composite.md}, {@code docs/composite.md}): the inside view for the parent's controller,
 * registration, allowlist, Tree-Only checks, delegation and completion, graduation. Acts of the composite need its
 * controller or an operator; an outbound check needs the caller's controller; a completion the child's.
 */
@RestController
@RequestMapping("/api/v1/composites/{parent}")
public class CompositeController {

    private static final List<String> READS = List.of(RegistryProjector.NAME, CompositeProjector.NAME);

    private final CommandSender commands;
    private final ProjectionPositions positions;
    private final RegistryQueries registry;
    private final CompositeQueries composites;
    private final ReadConsistency consistency;
    private final Clock clock;

    public CompositeController(CommandSender commands, ProjectionPositions positions, RegistryQueries registry,
                               CompositeQueries composites, ReadConsistency consistency, Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.registry = registry;
        this.composites = composites;
        this.consistency = consistency;
        this.clock = clock;
    }

    private static String id(String field, String value) {
        return VacantRequests.vacantId(field, value).value();
    }

    /** The composite's children, allowlist, graduations in the current window and delegation plans. */
    @GetMapping
    public CompositeView get(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                             @RequestParam(required = false) Long position,
                             @RequestParam(required = false) String consistency) {
        this.consistency.await(READS, position, ReadConsistency.strong(consistency));
        String id = id("parent", parent);
        registry.find(actor, id).filter(row -> actor.isOperator() || actor.principal().equals(row.controller()))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such composite: " + id));
        return new CompositeView(id, composites.children(id).stream().map(ChildView::of).toList(),
                composites.allowlist(id), composites.graduationsSince(id, clock.instant().minus(GraduationGate.WINDOW)),
                CompositeResponses.plans(composites.delegations(id)));
    }

    @PostMapping("/children")
    @ResponseStatus(HttpStatus.CREATED)
    public Registered register(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                               @RequestBody RegisterChildBody body) {
        String id = id("parent", parent);
        RegistrationResult result = commands.send(body.signedByCaller()
                ? new RegisterChildCommand(id, actor, body.manifest())
                : new RegisterOwnChildCommand(id, actor, VacantRequests.vacantId("child_id", body.childId()),
                        body.closedByDefault(), body.axes()));
        long head = positions.head();
        return new Registered(result.manifest(), VacantState.of(result.heads().parent(), head, positions),
                VacantState.of(result.heads().child(), head, positions), head);
    }

    @PostMapping("/allowlist")
    public VacantState allowlist(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                 @Valid @RequestBody AllowlistBody body) {
        VacantCommandResult result = commands.send(new ChangeAllowlistCommand(id("parent", parent), actor,
                CompositeRequests.ids("add", body.add()), CompositeRequests.ids("remove", body.remove())));
        return VacantState.of(result, positions.head(), positions);
    }

    /**
     * Tree-Only: answers 200 with the verdict whether allowed or not, because a denial is recorded
     * (OUTBOUND_DENIED) and a rejected command would write nothing; see {@code docs/composite.md}.
     */
    @PostMapping("/outbound-checks")
    public OutboundVerdict outbound(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                    @Valid @RequestBody OutboundCheckBody body) {
        VacantId callee = VacantRequests.vacantId("callee", body.callee());
        OutboundResult result = commands.send(new AuthorizeOutboundCallCommand(id("parent", parent), actor,
                VacantRequests.vacantId("caller", body.caller()), callee));
        return OutboundVerdict.of(result, callee.value(), positions.head(), positions);
    }

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    public Delegated delegate(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                              @Valid @RequestBody DelegationBody body) {
        return Delegated.of(commands.send(new DelegateSubtasksCommand(id("parent", parent), actor, body.toPlan(),
                Boolean.TRUE.equals(body.parallel()), body.combiner())), positions.head(), positions);
    }

    @PostMapping("/delegations/{delegation}/completion")
    public Pair complete(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                         @PathVariable String delegation, @Valid @RequestBody CompletionBody body) {
        PairResult result = commands.send(new CompleteDelegationCommand(id("parent", parent), actor,
                VacantRequests.vacantId("child", body.child()), delegation, body.result()));
        return Pair.of(result, positions.head(), positions);
    }

    @PostMapping("/graduations")
    public Graduated graduate(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                              @Valid @RequestBody GraduationBody body) {
        return Graduated.of(commands.send(new GraduateChildCommand(id("parent", parent), actor,
                VacantRequests.vacantId("child_id", body.childId()), body.capabilityText(), body.outboundPolicy(),
                body.parentSignature(), body.childSignature())), positions.head(), positions);
    }
}
