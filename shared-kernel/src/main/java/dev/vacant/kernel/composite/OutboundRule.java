package dev.vacant.kernel.composite;

import static dev.vacant.kernel.composite.CalleeRelation.CALLABLE;
import static dev.vacant.kernel.composite.CalleeRelation.PARENT;
import static dev.vacant.kernel.composite.CalleeRelation.PARENT_ALLOWLISTED;
import static dev.vacant.kernel.composite.CalleeRelation.SIBLING;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Tree-Only table of {@code composite.md} as data: each caller row with the callee relations it allows. A
 * caller that is no composite child at all (no manifest) is not tree-bound and takes the UNRESTRICTED row.
 */
public enum OutboundRule {
    /** A closed child: its parent or a registered sibling. */
    CLOSED_CHILD(EnumSet.of(PARENT, SIBLING)),
    /** An open (graduated) child with NO_EXTERNAL: its parent only. */
    NO_EXTERNAL(EnumSet.of(PARENT)),
    /** An open child with PARENT_PERMITTED: its parent or a peer on the parent's allowlist. */
    PARENT_PERMITTED(EnumSet.of(PARENT, PARENT_ALLOWLISTED)),
    /** An open child with UNRESTRICTED, or a vacant outside any composite: any callable vacant. */
    UNRESTRICTED(EnumSet.of(CALLABLE));

    private final Set<CalleeRelation> allowed;

    OutboundRule(Set<CalleeRelation> allowed) {
        this.allowed = Collections.unmodifiableSet(allowed);
    }

    /** The relations a callee must have (at least one) for this row to allow the call. */
    public Set<CalleeRelation> allowed() {
        return allowed;
    }

    /** The row of a caller with {@code manifest} (null: not a composite child). */
    public static OutboundRule of(ChildManifest manifest) {
        if (manifest == null) {
            return UNRESTRICTED;
        }
        if (Boolean.TRUE.equals(manifest.closedByDefault())) {
            return CLOSED_CHILD;
        }
        return valueOf(manifest.effectiveOutboundPolicy().name());
    }

    /** Whether a callee standing in {@code relations} to the caller may be called under this row. */
    public boolean allows(Set<CalleeRelation> relations) {
        return relations.stream().anyMatch(allowed::contains);
    }
}
