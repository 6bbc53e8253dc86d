package dev.vacant.command.composite;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.id.VacantId;
import java.util.List;
import org.axonframework.commandhandling.RoutingKey;

/** The commands of a composite ({@code composite.md}); each names the composite (the parent) and the acting principal. */
public final class CompositeCommands {

    private CompositeCommands() {
    }

    /**
     * Register a child with a manifest: each side either signed already (a consent of purpose {@code vacant.manifest/1})
     * or, when missing, signed here in custody for a side the caller controls.
     */
    public record RegisterChildCommand(@RoutingKey String parentId, Actor actor, ChildManifest manifest) {
    }

    /**
     * Register a child whose parent and child the caller both controls (or any, as operator): custody signs a v2
     * manifest with {@code axes} (default self-grown) and {@code closedByDefault} (default true).
     */
    public record RegisterOwnChildCommand(@RoutingKey String parentId, Actor actor,
                                          VacantId childId, Boolean closedByDefault,
                                          ChildManifest.Axes axes) {
    }

    /** Add peers to, and remove peers from, the composite's allowlist (used by PARENT_PERMITTED children). */
    public record ChangeAllowlistCommand(@RoutingKey String parentId, Actor actor,
                                         List<VacantId> add, List<VacantId> remove) {
    }

    /** Ask Tree-Only whether {@code caller} (a child of the composite, or the composite itself) may call {@code callee}. */
    public record AuthorizeOutboundCallCommand(@RoutingKey String parentId, Actor actor,
                                               VacantId caller, VacantId callee) {
    }

    /**
     * {@code caller} (a vacant) calls {@code callee}: Tree-Only decides under the caller's composite (or the caller
     * itself when it is no composite child), the verdict is recorded on the caller's chain, and an allowed call
     * reaches the callee as CALL_RECEIVED. Routed by the caller, whose chain it always appends to.
     */
    public record CallVacantCommand(@RoutingKey String callerId, Actor actor, VacantId callee) {
    }

    /** One (child, subtask) pair of a plan. */
    public record Subtask(VacantId child, String text) {
    }

    /** Delegate a plan of subtasks (one or more) to registered children, sequentially or in parallel. */
    public record DelegateSubtasksCommand(@RoutingKey String parentId, Actor actor,
                                          List<Subtask> plan, boolean parallel, DelegationAggregate aggregate) {

        /** A plan whose results combine as a list. */
        public DelegateSubtasksCommand(String parentId, Actor actor, List<Subtask> plan, boolean parallel) {
            this(parentId, actor, plan, parallel, DelegationAggregate.LIST);
        }
    }

    /**
     * A child's result for a delegation comes back; or, with an {@code error} code (upper-case, at most 64
     * characters) and no result, the delegation failed (the child's runner answered an error, or nothing came back in
     * time).
     */
    public record CompleteDelegationCommand(@RoutingKey String parentId, Actor actor,
                                            VacantId child, String delegationId,
                                            String result, String error) {

        /** A successful result. */
        public CompleteDelegationCommand(String parentId, Actor actor, VacantId child, String delegationId,
                                         String result) {
            this(parentId, actor, child, delegationId, result, null);
        }
    }

    /** Graduate a LOCAL closed child into a listed public resident, with both parties' signatures. */
    public record GraduateChildCommand(@RoutingKey String parentId, Actor actor,
                                       VacantId childId, String capabilityText,
                                       OutboundPolicy outboundPolicy, String parentSignature, String childSignature) {
    }
}
