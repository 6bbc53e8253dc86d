package dev.vacant.command.composite;

import dev.vacant.command.composite.CompositeCommands.AuthorizeOutboundCallCommand;
import dev.vacant.command.composite.CompositeCommands.CallVacantCommand;
import dev.vacant.command.composite.CompositeCommands.ChangeAllowlistCommand;
import dev.vacant.command.composite.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.composite.CompositeCommands.DelegateSubtasksCommand;
import dev.vacant.command.composite.CompositeCommands.GraduateChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterOwnChildCommand;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.command.composite.CompositeResults.CallResult;
import dev.vacant.command.composite.CompositeResults.Delegated;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.composite.CompositeResults.GraduationResult;
import dev.vacant.command.composite.CompositeResults.OutboundResult;
import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.command.composite.CompositeResults.RegistrationResult;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantContext;
import dev.vacant.command.vacant.VacantDirectory;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionSignals;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.Delegations;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.GraduationConsent;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.composite.OutboundDecision;
import dev.vacant.kernel.composite.OutboundPayload;
import dev.vacant.kernel.composite.TaskReceivedPayload;
import dev.vacant.kernel.composite.TreeOnly;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import dev.vacant.kernel.spawn.SpawnRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * The composite's commands. The composite's state lives in the parent's own {@link Vacant} aggregate, so every
 * command loads the parent first and then the child it touches (one lock order everywhere), validates everything
 * (every composite act against the composite's rules, {@link CompositeChecks}), and only then appends to each chain
 * through that chain's own aggregate, in one unit of work. A third vacant
 * (an outbound callee) is resolved through the {@link VacantDirectory}, without a lock.
 */
public class CompositeCommandHandlers {

    private static final String COMPOSITE_ACT = "COMPOSITE_ACT";
    private static final String OUTBOUND_CALL = "OUTBOUND_CALL";

    /** Upper bound of a delegated plan. */
    static final int MAX_PLAN = 64;

    private final Repository<Vacant> repository;
    private final VacantContext ctx;
    private final GraduationGate gate;
    private final VacantDirectory directory;

    public CompositeCommandHandlers(Repository<Vacant> repository, VacantContext ctx, GraduationGate gate,
                                    VacantDirectory directory) {
        this.repository = repository;
        this.ctx = ctx;
        this.gate = gate;
        this.directory = directory;
    }

    @CommandHandler
    public RegistrationResult handle(RegisterChildCommand command) {
        if (command.manifest() == null) {
            throw new VacantException(ErrorCode.BAD_MANIFEST, "a manifest is required");
        }
        Aggregate<Vacant> parent = repository.load(command.parentId());
        parent.execute(v -> v.requireRunnableAs(command.actor(), COMPOSITE_ACT));
        VacantId parentId = VacantId.parse(command.parentId());
        ChildManifest manifest = command.manifest();
        manifest.requireComplete();
        Aggregate<Vacant> child = repository.load(manifest.childId());
        if (manifest.signatureParent() == null && manifest.parentId().equals(parentId.value())) {
            manifest = manifest.signedFor(ctx.custody().signer(parentId));
        }
        if (manifest.signatureChild() == null && command.actor().controls(child.invoke(Vacant::controller))) {
            manifest = manifest.signedFor(ctx.custody().signer(VacantId.parse(manifest.childId())));
        }
        return ChildRegistration.register(parent, child, manifest, ctx);
    }

    @CommandHandler
    public RegistrationResult handle(RegisterOwnChildCommand command) {
        Aggregate<Vacant> parent = repository.load(command.parentId());
        parent.execute(v -> v.requireRunnableAs(command.actor(), COMPOSITE_ACT));
        Aggregate<Vacant> child = repository.load(command.childId().value());
        command.actor().requireControlOf(child.invoke(Vacant::controller));
        if (child.invoke(Vacant::birthPath) == null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "a genesis root has no birth path to sign");
        }
        VacantId parentId = VacantId.parse(command.parentId());
        ChildManifest manifest = ChildManifest.v2(parentId, command.childId(), child.invoke(Vacant::birthPath),
                        command.closedByDefault() == null || command.closedByDefault(), child.invoke(Vacant::tools),
                        command.axes() == null ? ChildManifest.Axes.SELF_GROWN : command.axes(), ctx.now())
                .signedBy(ctx.custody().signer(parentId), ctx.custody().signer(command.childId()));
        return ChildRegistration.register(parent, child, manifest, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ChangeAllowlistCommand command) {
        Aggregate<Vacant> parent = repository.load(command.parentId());
        parent.execute(v -> v.requireRunnableAs(command.actor(), COMPOSITE_ACT));
        return parent.invoke(v -> v.composite().allowlistChange(ids(command.add()), ids(command.remove()))
                .map(change -> v.record(CompositeEntry.ALLOWLIST_CHANGED, change, ctx))
                .orElseGet(v::result));
    }

    /**
     * Decides and records the verdict on the caller's chain: an allowed call leaves OUTBOUND_ALLOWED, a denied one
     * OUTBOUND_DENIED, and both answer normally (the denial is the command's result, so that it is recorded). A
     * callee that does not exist is {@code NOT_FOUND} and records nothing.
     */
    @CommandHandler
    public OutboundResult handle(AuthorizeOutboundCallCommand command) {
        Aggregate<Vacant> parent = repository.load(command.parentId());
        String caller = command.caller().value();
        boolean self = caller.equals(command.parentId());
        Aggregate<Vacant> callerAggregate = self ? parent : repository.load(caller);
        if (!self) {
            CompositeChecks.require(CompositeAct.OUTBOUND_CHECK, parent, callerAggregate);
        }
        callerAggregate.execute(v -> v.requireRunnableAs(command.actor(), OUTBOUND_CALL));
        ChildManifest callerManifest = callerAggregate.invoke(Vacant::manifest);
        if (self && callerManifest != null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, caller + " is a child of " + callerManifest.parentId()
                    + ": its outbound calls are checked in that composite");
        }
        String callee = command.callee().value();
        LifecycleState calleeState = directory.state(callee)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + callee));
        Composite composite = parent.invoke(Vacant::composite);
        OutboundDecision decision = TreeOnly.decide(callerManifest, callee, calleeState, composite.children(),
                composite.allowlist());
        OutboundPayload verdict = new OutboundPayload(callee, decision.rule(),
                decision.allowed() ? null : decision.code().name());
        CompositeEntry entry = decision.allowed() ? CompositeEntry.OUTBOUND_ALLOWED : CompositeEntry.OUTBOUND_DENIED;
        return new OutboundResult(decision, callerAggregate.invoke(v -> v.record(entry, verdict, ctx)));
    }

    /**
     * A call between vacants goes through {@link #handle(AuthorizeOutboundCallCommand)} under the caller's composite
     * (resolved lock-free); a denial is recorded and answered as the result (no call happens), an allowed call is
     * received by the callee through its state machine in the same unit of work.
     */
    @CommandHandler
    public CallResult handle(CallVacantCommand command) {
        String caller = command.callerId();
        String composite = directory.compositeOf(caller).orElse(caller);
        OutboundResult verdict = handle(new AuthorizeOutboundCallCommand(composite, command.actor(),
                VacantId.parse(caller), command.callee()));
        if (!verdict.decision().allowed()) {
            return new CallResult(verdict, null);
        }
        VacantCommandResult callee = repository.load(command.callee().value()).invoke(v -> v.recordCall(caller, ctx));
        return new CallResult(verdict, callee);
    }

    /**
     * Records a plan of delegations in plan order: DELEGATED on the parent and TASK_RECEIVED (a call, through the
     * child's state machine) on each child. The adapter then delivers the subtasks through the children's lanes.
     */
    @CommandHandler
    public DelegationResult handle(DelegateSubtasksCommand command) {
        List<Subtask> plan = requirePlan(command.plan());
        Aggregate<Vacant> parent = repository.load(command.parentId());
        parent.execute(v -> v.requireRunnableAs(command.actor(), COMPOSITE_ACT));
        Map<String, Aggregate<Vacant>> children = new HashMap<>();
        for (Subtask subtask : plan) {
            String child = subtask.child().value();
            CompositeChecks.require(CompositeAct.DELEGATE, parent, children.computeIfAbsent(child, repository::load));
        }
        String planId = null;
        List<Delegated> delegated = new ArrayList<>();
        VacantCommandResult parentHead = null;
        for (int index = 0; index < plan.size(); index++) {
            Subtask subtask = plan.get(index);
            String digest = Delegations.digest(subtask.text());
            String plannedId = planId;
            int planIndex = index;
            DelegationRecord record = parent.invoke(v -> delegate(v, subtask.child().value(), digest, plannedId,
                    planIndex, command));
            planId = record.planId();
            parentHead = record.parent();
            TaskReceivedPayload task = new TaskReceivedPayload(record.delegationId(), command.parentId(), digest);
            VacantCommandResult childHead = children.get(subtask.child().value()).invoke(v -> v.record(
                    CompositeEntry.TASK_RECEIVED, task.leadingTo(TransitionTable.apply(v.result().state(),
                            LifecycleEvent.CALL_RECEIVED)), ctx));
            delegated.add(new Delegated(record.delegationId(), subtask.child().value(), digest, childHead));
        }
        return new DelegationResult(planId, command.parallel(), command.aggregate(), delegated, parentHead);
    }

    /** A child's result, or a failure: DELEGATION_COMPLETED on the parent's and the child's chains. */
    @CommandHandler
    public PairResult handle(CompleteDelegationCommand command) {
        if (command.error() == null) {
            requireText("result", command.result(), Delegations.MAX_TEXT_BYTES);
        } else {
            Delegations.requireFailure(command.error(), command.result());
        }
        Aggregate<Vacant> parent = repository.load(command.parentId());
        String child = command.child().value();
        parent.execute(v -> v.composite().requireOpenDelegation(command.delegationId(), child));
        Aggregate<Vacant> childAggregate = repository.load(child);
        command.actor().requireControlOf(childAggregate.invoke(Vacant::controller));
        CompositeChecks.require(CompositeAct.COMPLETE, parent, childAggregate);
        DelegationCompletedPayload completed = command.error() == null
                ? new DelegationCompletedPayload(command.delegationId(), command.parentId(), child,
                        Delegations.digest(command.result()), command.result())
                : new DelegationCompletedPayload(command.delegationId(), command.parentId(), child, null, null,
                        command.error());
        VacantCommandResult parentHead = parent.invoke(v -> v.record(CompositeEntry.DELEGATION_COMPLETED, completed, ctx));
        VacantCommandResult childHead = childAggregate.invoke(
                v -> v.record(CompositeEntry.DELEGATION_COMPLETED, completed, ctx));
        return new PairResult(parentHead, childHead);
    }

    /**
     * Consent, then the sliding rate limit, then the collusion gate, in that order and before anything is written;
     * then a new custody-signed v2 manifest, GRADUATED on both chains (the child LOCAL -> ACTIVE, same key and chain)
     * and a capability card signed by the child.
     */
    @CommandHandler
    public GraduationResult handle(GraduateChildCommand command) {
        requireText("capability_text", command.capabilityText(), SpawnRequest.MAX_SHORT_TEXT_BYTES);
        Aggregate<Vacant> parent = repository.load(command.parentId());
        parent.execute(v -> v.requireRunnableAs(command.actor(), COMPOSITE_ACT));
        String child = command.childId().value();
        ChildManifest current = parent.invoke(v -> v.composite().child(child));
        Aggregate<Vacant> childAggregate = repository.load(child);
        CompositeChecks.require(CompositeAct.GRADUATE, parent, childAggregate);
        childAggregate.execute(Vacant::requireCanGraduate);
        VacantId parentId = VacantId.parse(command.parentId());
        GraduationConsent.verify(parentId, command.childId(), command.capabilityText(), command.parentSignature(),
                command.childSignature());
        gate.requireWithinRate(parent.invoke(v -> v.composite().graduations()), ctx.now());
        CollusionSignals signals = gate.requireNoCollusion(parent.invoke(Vacant::collusionParty),
                childAggregate.invoke(Vacant::collusionParty));
        ChildManifest manifest = ChildManifest.v2(parentId, command.childId(), current.birthPath(), false,
                        current.toolWhitelist(), ChildManifest.Axes.graduated(command.outboundPolicy()), ctx.now())
                .signedBy(ctx.custody().signer(parentId), ctx.custody().signer(command.childId()));
        CapabilityCard card = CapabilityCard.issue(manifest, command.capabilityText(),
                ctx.custody().signer(command.childId()));
        VacantCommandResult parentHead = parent.invoke(v -> v.record(CompositeEntry.GRADUATED, new GraduatedPayload(
                command.parentId(), child, null, command.capabilityText(), manifest, signals, null), ctx));
        VacantCommandResult childHead = childAggregate.invoke(v -> v.record(CompositeEntry.GRADUATED, new GraduatedPayload(
                command.parentId(), child, LifecycleState.ACTIVE, command.capabilityText(), manifest, signals, card), ctx));
        return new GraduationResult(manifest, card, signals, new PairResult(parentHead, childHead));
    }

    /**
     * Records a delegation to a registered child on the parent's chain; its id derives from the entry's seq, and a
     * plan without an id yet takes the id of its first delegation's position.
     */
    private DelegationRecord delegate(Vacant parent, String child, String subtaskDigest, String planId, int planIndex,
                                      DelegateSubtasksCommand command) {
        parent.composite().child(child);
        VacantCommandResult head = parent.result();
        long seq = head.seq() + 1;
        String delegationId = Delegations.delegationId(head.id(), seq);
        String plan = planId == null ? Delegations.planId(head.id(), seq) : planId;
        DelegatedPayload payload = new DelegatedPayload(delegationId, child, subtaskDigest, plan, planIndex,
                command.parallel(), command.aggregate() == DelegationAggregate.LIST ? null : command.aggregate().label());
        return new DelegationRecord(delegationId, plan, parent.record(CompositeEntry.DELEGATED, payload, ctx));
    }

    private static List<Subtask> requirePlan(List<Subtask> plan) {
        if (plan == null || plan.isEmpty() || plan.size() > MAX_PLAN) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "a plan holds 1.." + MAX_PLAN + " subtasks");
        }
        plan.forEach(subtask -> requireText("subtask", subtask.text(), Delegations.MAX_TEXT_BYTES));
        return plan;
    }

    private static void requireText(String field, String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + " is over " + maxBytes + " bytes");
        }
    }

    private static List<String> ids(List<VacantId> ids) {
        return ids == null ? List.of() : ids.stream().map(VacantId::value).toList();
    }
}
