package dev.vacant.kernel.auth;

/** Roles of authenticated principals ({@code identity.md}). */
public enum Role {
    /** Everything, including genesis, audit, HALT/PAUSE. */
    OPERATOR,
    /** Only the vacants it controls. */
    CONTROLLER
}
