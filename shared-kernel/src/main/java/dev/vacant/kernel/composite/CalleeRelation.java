package dev.vacant.kernel.composite;

/** How the callee of an outbound call stands to the caller (a callee may stand in several ways at once). */
public enum CalleeRelation {
    /** The caller's parent. */
    PARENT,
    /** Another child registered under the caller's parent. */
    SIBLING,
    /** A peer on the caller's parent's allowlist. */
    PARENT_ALLOWLISTED,
    /** Any existing vacant whose state {@code canBeCalled}. */
    CALLABLE
}
