package dev.vacant.infra.checkpoint;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.checkpoint.CheckpointService.Consistency;
import dev.vacant.infra.checkpoint.CheckpointService.Inclusion;
import dev.vacant.infra.checkpoint.CheckpointService.Served;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.crypto.Hex;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Response bodies of the checkpoint endpoints. Hashes of the tree are standard base64 (as in the checkpoint note);
 * an entry's hash is lowercase hex (as in the logbook). {@code note} is the signed checkpoint note with its
 * cosignature lines, {@code node_key} the verifier key that checks it.
 */
public final class CheckpointResponses {

    private CheckpointResponses() {
    }

    /** A signed checkpoint and the key that verifies it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckpointView(long treeSize, String rootHash, String origin, String nodeId, String nodeKey,
                                 String note, Instant createdAt) {
        static CheckpointView of(Served served, String nodeId) {
            Checkpoint checkpoint = served.signed().checkpoint();
            return new CheckpointView(checkpoint.size(), base64(checkpoint.rootHash()), checkpoint.origin(), nodeId,
                    served.nodeKey().vkey(), served.signed().note().format(), served.createdAt());
        }
    }

    /** An entry's inclusion proof in a checkpoint's tree: leaf hash = SHA-256(0x00 || entry hash bytes). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InclusionView(String vacant, long seq, long position, long leafIndex, long treeSize, String entryHash,
                                String leafHash, List<String> proof, CheckpointView checkpoint) {
        static InclusionView of(Inclusion inclusion, String nodeId) {
            CheckpointView checkpoint = CheckpointView.of(inclusion.checkpoint(), nodeId);
            return new InclusionView(inclusion.leaf().vacant(), inclusion.leaf().seq(), inclusion.leaf().globalIndex(),
                    inclusion.leaf().leafIndex(), checkpoint.treeSize(), Hex.encode(inclusion.leaf().entryHash()),
                    base64(MerkleHashes.leaf(inclusion.leaf().entryHash())), hashes(inclusion.proof()), checkpoint);
        }
    }

    /** A consistency proof from tree size {@code from} to a checkpoint's tree ({@code to}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsistencyView(long from, long to, List<String> proof, CheckpointView checkpoint) {
        static ConsistencyView of(Consistency consistency, String nodeId) {
            CheckpointView checkpoint = CheckpointView.of(consistency.checkpoint(), nodeId);
            return new ConsistencyView(consistency.from(), checkpoint.treeSize(), hashes(consistency.proof()), checkpoint);
        }
    }

    private static List<String> hashes(List<byte[]> proof) {
        return proof.stream().map(CheckpointResponses::base64).toList();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
