package dev.vacant.query.composite;

import java.time.Instant;

/**
 * One delegation of a plan ({@code aggregate}: the plan's label, null for list) and, once completed, its result or,
 * for a failed one, its error code.
 */
public record DelegationRow(String delegationId, String childId, String planId, int planIndex, boolean parallel,
                            String aggregate, String subtaskDigest, Instant delegatedAt, String resultDigest, String result,
                            String error, Instant completedAt) {
}
