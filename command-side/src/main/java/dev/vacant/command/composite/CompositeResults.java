package dev.vacant.command.composite;

import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.CollusionSignals;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.OutboundDecision;
import java.util.List;

/** What the composite commands answer. */
public final class CompositeResults {

    private CompositeResults() {
    }

    /** Both chains after a command that touched a parent and a child. */
    public record PairResult(VacantCommandResult parent, VacantCommandResult child) {
    }

    /** A registration: the manifest in force and both chains. */
    public record RegistrationResult(ChildManifest manifest, PairResult heads) {
    }

    /** The Tree-Only verdict and the caller's chain after recording it. */
    public record OutboundResult(OutboundDecision decision, VacantCommandResult caller) {
    }

    /** A vacant's call: the Tree-Only verdict recorded on the caller, and the callee after CALL_RECEIVED (null if denied). */
    public record CallResult(OutboundResult verdict, VacantCommandResult callee) {
    }

    /** One delegation of a plan: its id, child, subtask digest and the child's chain after TASK_RECEIVED. */
    public record Delegated(String delegationId, String child, String subtaskDigest, VacantCommandResult childHead) {
    }

    /** A delegated plan: its id, mode and aggregate, its delegations in plan order, and the parent's chain. */
    public record DelegationResult(String planId, boolean parallel, DelegationAggregate aggregate,
                                   List<Delegated> delegations, VacantCommandResult parent) {
    }

    /** A graduation: the new manifest, the signed capability card, the signals the gate saw, and both chains. */
    public record GraduationResult(ChildManifest manifest, CapabilityCard card, CollusionSignals signals,
                                   PairResult heads) {
    }
}
