package dev.vacant.query.composite;

import java.time.Instant;

/** One delegation of a plan and, once completed, its result. */
public record DelegationRow(String delegationId, String childId, String planId, int planIndex, boolean parallel,
                            String subtaskDigest, Instant delegatedAt, String resultDigest, String result,
                            Instant completedAt) {
}
