package dev.vacant.kernel.composite;

/** Endpoint reachability axis of a composite child: who can reach its endpoint. */
public enum EndpointReachability {
    /** Only its parent. */
    PARENT_ONLY,
    /** Others, through its parent. */
    PARENT_BRIDGED,
    /** Anyone, as a public A2A endpoint. */
    PUBLIC_A2A
}
