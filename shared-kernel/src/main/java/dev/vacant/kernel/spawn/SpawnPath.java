package dev.vacant.kernel.spawn;

/** The five spawn paths of {@code spawn.md}. */
public enum SpawnPath {
    /** Clone with mutation. */
    D1,
    /** Subagent bud: a closed LOCAL child with narrowed tools. */
    D2,
    /** Capability fork: new prompt, capability text on BIRTH. */
    D3,
    /** Lineage merge with a consenting second parent. */
    D4,
    /** Cross-substrate respawn. */
    D5
}
