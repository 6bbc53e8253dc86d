package dev.vacant.kernel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree against RFC 6962's published SHA-256 vectors, and every proof up to 40 leaves verified both ways. */
class MerkleTreeTest {

    /** MTH of the eight RFC 6962 test leaves, as every RFC 6962 implementation publishes it. */
    private static final String RFC6962_ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    private static final List<byte[]> LEAVES = CheckpointVectors.hexList(CheckpointVectors.rfc6962().path("leaves_hex"));
    private static final List<byte[]> ROOTS = CheckpointVectors.hexList(CheckpointVectors.rfc6962().path("roots_hex"));
    private static final ListTree TREE = ListTree.of(LEAVES);

    @Test
    void root_matchesTheRfc6962Vectors_forEverySizeUpToEight() {
        for (int size = 0; size <= 8; size++) {
            assertThat(Hex.encode(MerkleTree.root(TREE::perfect, size))).as("size " + size)
                    .isEqualTo(Hex.encode(ROOTS.get(size)));
        }
        assertThat(Hex.encode(MerkleTree.root(TREE::perfect, 8))).isEqualTo(RFC6962_ROOT_8);
        assertThat(Hex.encode(MerkleTree.root(TREE::perfect, 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void inclusionProof_matchesTheVectorsAndVerifies_forEveryLeafOfEverySize() {
        for (JsonNode vector : CheckpointVectors.rfc6962().path("inclusion")) {
            int index = vector.path("index").asInt();
            int size = vector.path("size").asInt();
            List<byte[]> proof = MerkleTree.inclusionProof(TREE::perfect, index, size);

            assertThat(proof.stream().map(Hex::encode)).as(index + " in " + size)
                    .containsExactlyElementsOf(CheckpointVectors.hexList(vector.path("proof_hex")).stream().map(Hex::encode).toList());
            assertThat(MerkleProofs.verifyInclusion(index, size, MerkleHashes.leaf(LEAVES.get(index)), proof, ROOTS.get(size)))
                    .isTrue();
        }
    }

    @Test
    void consistencyProof_matchesTheVectorsAndVerifies_forEveryPairOfSizes() {
        for (JsonNode vector : CheckpointVectors.rfc6962().path("consistency")) {
            int from = vector.path("from").asInt();
            int to = vector.path("to").asInt();
            List<byte[]> proof = MerkleTree.consistencyProof(TREE::perfect, from, to);

            assertThat(proof.stream().map(Hex::encode)).as(from + " to " + to)
                    .containsExactlyElementsOf(CheckpointVectors.hexList(vector.path("proof_hex")).stream().map(Hex::encode).toList());
            assertThat(MerkleProofs.verifyConsistency(from, to, ROOTS.get(from), ROOTS.get(to), proof)).isTrue();
        }
    }

    @Test
    void proofs_verifyForEveryLeafAndSizeUpTo40_andFailWhenAnythingIsChanged() {
        ListTree tree = ListTree.of(ListTree.numbered(40));
        for (long size = 1; size <= 40; size++) {
            byte[] root = MerkleTree.root(tree::perfect, size);
            for (long index = 0; index < size; index++) {
                byte[] leaf = tree.perfect(0, index);
                List<byte[]> proof = MerkleTree.inclusionProof(tree::perfect, index, size);
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root)).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, tree.perfect(0, (index + 1) % 40), proof, root))
                        .isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, flipped(proof), root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof.subList(1, proof.size()), root))
                            .isFalse();
                }
            }
            for (long from = 1; from <= size; from++) {
                byte[] fromRoot = MerkleTree.root(tree::perfect, from);
                List<byte[]> proof = MerkleTree.consistencyProof(tree::perfect, from, size);
                assertThat(MerkleProofs.verifyConsistency(from, size, fromRoot, root, proof)).isTrue();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(from, size, fromRoot, root, flipped(proof))).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(from, size, root, fromRoot, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void verification_refusesMalformedInputWithoutThrowing() {
        List<byte[]> proof = MerkleTree.inclusionProof(TREE::perfect, 5, 8);
        byte[] root = ROOTS.get(8);
        byte[] leaf = MerkleHashes.leaf(LEAVES.get(5));

        assertThat(MerkleProofs.verifyInclusion(8, 8, leaf, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 8, new byte[31], proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 8, leaf, List.of(new byte[3]), root)).isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleProofs.verifyInclusion(5, 8, leaf, longer, root)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(8, 6, root, ROOTS.get(6), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(8, 8, root, root, List.of(root))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, MerkleHashes.emptyRoot(), root, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 8, ROOTS.get(6), root, List.of())).isFalse();
    }

    @Test
    void proofGeneration_refusesLeavesAndSizesOutsideTheTree() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(TREE::perfect, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(TREE::perfect, 9, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frontier_computesTheSameRootWhileLeavesStreamPast_forEverySizeUpTo40() {
        ListTree tree = ListTree.of(ListTree.numbered(40));
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(MerkleHashes.emptyRoot());
        for (long size = 1; size <= 40; size++) {
            frontier.appendLeafHash(tree.perfect(0, size - 1));
            assertThat(frontier.root()).as("size " + size).isEqualTo(MerkleTree.root(tree::perfect, size));
        }
    }

    @Test
    void appender_storesEveryPerfectSubtreeOnce_andNothingElse() {
        MerkleAppender appender = new MerkleAppender((level, index) -> {
            throw new IllegalStateException("an empty store has no node " + level + "/" + index);
        }, 0);
        LEAVES.forEach(appender::append);

        assertThat(appender.created()).extracting(node -> node.level() + "/" + node.index()).doesNotHaveDuplicates()
                .hasSize(8 + 4 + 2 + 1);
        assertThat(Hex.encode(appender.view().perfect(3, 0))).isEqualTo(RFC6962_ROOT_8);
    }

    private static List<byte[]> flipped(List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] first = copy.get(0).clone();
        first[7] ^= 0x01;
        copy.set(0, first);
        return copy;
    }
}
