package dev.vacant.infra.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.checkpoint.MerkleProofs;
import dev.vacant.kernel.crypto.Hex;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Client-side checks of the proof answers ({@code GET /proofs/inclusion}, {@code GET /proofs/consistency}) against
 * checkpoints the client verified itself: the answer supplies only the proof hashes and positions, never the trust.
 */
public final class ProofAnswers {

    private ProofAnswers() {
    }

    /** Whether an inclusion answer proves the entry hash {@code entryHash} (hex) in {@code checkpoint}'s tree. */
    public static boolean inclusionVerifies(JsonNode answer, Checkpoint checkpoint, String entryHash) {
        return answer.path("tree_size").asLong() == checkpoint.size() && entryHash.matches("[0-9a-f]{64}")
                && MerkleProofs.verifyInclusion(answer.path("leaf_index").asLong(), checkpoint.size(),
                MerkleHashes.leaf(Hex.decode(entryHash)), hashes(answer.path("proof")), checkpoint.rootHash());
    }

    /** Whether a consistency answer proves that {@code kept} is a prefix of {@code latest}. */
    public static boolean consistencyVerifies(JsonNode answer, Checkpoint kept, Checkpoint latest) {
        return answer.path("from").asLong() == kept.size() && answer.path("to").asLong() == latest.size()
                && MerkleProofs.verifyConsistency(kept.size(), latest.size(), kept.rootHash(), latest.rootHash(),
                hashes(answer.path("proof")));
    }

    /** The proof hashes of an answer (standard base64); a malformed one makes verification fail. */
    public static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode hash : array) {
            try {
                out.add(Base64.getDecoder().decode(hash.asText()));
            } catch (IllegalArgumentException malformed) {
                out.add(new byte[0]);
            }
        }
        return out;
    }
}
