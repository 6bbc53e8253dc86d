package dev.vacant.query.composite;

import java.time.Instant;

/** One delegation of a plan ({@code aggregate}: the plan's label, null for list) and, once completed, its result. */
public record DelegationRow(String delegationId, String childId, String planId, int planIndex, boolean parallel,
                            String aggregate, String subtaskDigest, Instant delegatedAt, String resultDigest, String result,
                            Instant completedAt) {
}
