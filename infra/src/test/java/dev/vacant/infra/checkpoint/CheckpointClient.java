package dev.vacant.infra.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.checkpoint.MerkleProofs;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.crypto.Hex;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Verifies the API's answers the way a third party would: with the node's verifier key and nothing else. */
final class CheckpointClient {

    private CheckpointClient() {
    }

    /** Opens an answer's checkpoint with {@code nodeKey} (throws unless the node signed it). */
    static SignedCheckpoint open(JsonNode checkpoint, NoteKey nodeKey) {
        return SignedCheckpoint.open(checkpoint.path("note").asText(), nodeKey);
    }

    /** Whether an inclusion answer proves {@code entryHash} in the checkpoint it carries. */
    static boolean inclusionVerifies(JsonNode answer, NoteKey nodeKey, String entryHash) {
        SignedCheckpoint checkpoint = open(answer.path("checkpoint"), nodeKey);
        return MerkleProofs.verifyInclusion(answer.path("leaf_index").asLong(), checkpoint.checkpoint().size(),
                MerkleHashes.leaf(Hex.decode(entryHash)), hashes(answer.path("proof")), checkpoint.checkpoint().rootHash());
    }

    /** Whether a consistency answer proves that {@code kept} is a prefix of the checkpoint it carries. */
    static boolean consistencyVerifies(JsonNode answer, NoteKey nodeKey, SignedCheckpoint kept) {
        SignedCheckpoint latest = open(answer.path("checkpoint"), nodeKey);
        return MerkleProofs.verifyConsistency(kept.checkpoint().size(), latest.checkpoint().size(),
                kept.checkpoint().rootHash(), latest.checkpoint().rootHash(), hashes(answer.path("proof")));
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(hash -> out.add(Base64.getDecoder().decode(hash.asText())));
        return out;
    }
}
