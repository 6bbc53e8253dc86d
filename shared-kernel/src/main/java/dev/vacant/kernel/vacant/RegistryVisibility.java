package dev.vacant.kernel.vacant;

/** Registry visibility axis: NONE (closed), UNLISTED, PUBLIC. */
public enum RegistryVisibility {
    NONE, UNLISTED, PUBLIC
}
