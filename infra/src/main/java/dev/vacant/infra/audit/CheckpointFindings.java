package dev.vacant.infra.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the audit found against a signed checkpoint: whether the store's leaves hash to its root, whether the
 * stored tree still does (then the first differing leaf is exactly located), and that leaf mapped to the entry
 * the checkpoint committed to (vacant and seq as the tree recorded them; absent when its record is gone too).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointFindings(long treeSize, String rootHash, boolean storeMatches, boolean treeMatches,
                                 Long firstDifferentLeaf, String vacant, Long seq) {
}
