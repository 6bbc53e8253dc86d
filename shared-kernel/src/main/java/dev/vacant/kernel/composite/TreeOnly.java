package dev.vacant.kernel.composite;

import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.EnumSet;
import java.util.Set;

/** The Tree-Only outbound filter as a pure function: relations of the callee, then the caller's {@link OutboundRule}. */
public final class TreeOnly {

    private TreeOnly() {
    }

    /**
     * Decides a call from a caller with {@code callerManifest} (null when it is no composite child) to an existing
     * {@code callee} in {@code calleeState}, given the caller's parent's registered children and allowlist.
     */
    public static OutboundDecision decide(ChildManifest callerManifest, String callee, LifecycleState calleeState,
                                          Set<String> parentChildren, Set<String> parentAllowlist) {
        OutboundRule rule = OutboundRule.of(callerManifest);
        return OutboundDecision.of(rule, rule.allows(
                relations(callerManifest, callee, calleeState, parentChildren, parentAllowlist)));
    }

    /** Every way {@code callee} stands to the caller. */
    public static Set<CalleeRelation> relations(ChildManifest callerManifest, String callee, LifecycleState calleeState,
                                                Set<String> parentChildren, Set<String> parentAllowlist) {
        Set<CalleeRelation> relations = EnumSet.noneOf(CalleeRelation.class);
        if (callerManifest != null) {
            if (callee.equals(callerManifest.parentId())) {
                relations.add(CalleeRelation.PARENT);
            }
            if (parentChildren.contains(callee) && !callee.equals(callerManifest.childId())) {
                relations.add(CalleeRelation.SIBLING);
            }
            if (parentAllowlist.contains(callee)) {
                relations.add(CalleeRelation.PARENT_ALLOWLISTED);
            }
        }
        if (calleeState.canBeCalled()) {
            relations.add(CalleeRelation.CALLABLE);
        }
        return relations;
    }
}
