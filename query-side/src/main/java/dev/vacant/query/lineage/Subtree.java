package dev.vacant.query.lineage;

/**
 * A depth-limited subtree. {@code truncated} when it was cut at the node limit: levels come whole, in order, so
 * only the deepest level shown can be partial.
 */
public record Subtree(LineageTree tree, boolean truncated) {
}
