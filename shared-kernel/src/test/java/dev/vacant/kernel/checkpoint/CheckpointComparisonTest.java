package dev.vacant.kernel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store against a checkpoint: a match, a located difference, and stored leaves that are no longer trusted. */
class CheckpointComparisonTest {

    private static final List<byte[]> ENTRIES = ListTree.numbered(11);
    private static final ListTree TREE = ListTree.of(ENTRIES);
    private static final Checkpoint CHECKPOINT = new Checkpoint("log", 11, MerkleTree.root(TREE::perfect, 11));

    private static CheckpointComparison.Result compare(int changed, Optional<byte[]> replacement, byte[] storedLeaf) {
        CheckpointComparison comparison = new CheckpointComparison(CHECKPOINT);
        for (int i = 0; i < ENTRIES.size(); i++) {
            comparison.accept(i == changed ? replacement : Optional.of(ENTRIES.get(i)),
                    i == changed && storedLeaf != null ? storedLeaf : TREE.perfect(0, i));
        }
        return comparison.finish();
    }

    @Test
    void finish_matches_whenTheStoreHoldsEveryEntryInOrder() {
        CheckpointComparison.Result result = compare(-1, Optional.empty(), null);

        assertThat(result.storeMatches()).isTrue();
        assertThat(result.treeMatches()).isTrue();
        assertThat(result.firstDifferentLeaf()).isEmpty();
    }

    @Test
    void finish_locatesTheFirstMissingOrRewrittenLeaf_withTheStoredTreeTrusted() {
        assertThat(compare(7, Optional.empty(), null).firstDifferentLeaf()).contains(7L);
        CheckpointComparison.Result rewritten = compare(3, Optional.of(new byte[]{1}), null);

        assertThat(rewritten.storeMatches()).isFalse();
        assertThat(rewritten.treeMatches()).isTrue();
        assertThat(rewritten.firstDifferentLeaf()).contains(3L);
    }

    @Test
    void finish_saysTheStoredTreeIsNotTrusted_whenItsLeavesWereAlteredToMatchTheStore() {
        byte[] forged = MerkleHashes.leaf(new byte[]{1});
        CheckpointComparison.Result result = compare(5, Optional.of(new byte[]{1}), forged);

        assertThat(result.storeMatches()).isFalse();
        assertThat(result.treeMatches()).isFalse();
    }
}
