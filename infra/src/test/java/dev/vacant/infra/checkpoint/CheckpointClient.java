package dev.vacant.infra.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;

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
        return ProofAnswers.inclusionVerifies(answer, open(answer.path("checkpoint"), nodeKey).checkpoint(), entryHash);
    }

    /** Whether a consistency answer proves that {@code kept} is a prefix of the checkpoint it carries. */
    static boolean consistencyVerifies(JsonNode answer, NoteKey nodeKey, SignedCheckpoint kept) {
        return ProofAnswers.consistencyVerifies(answer, kept.checkpoint(),
                open(answer.path("checkpoint"), nodeKey).checkpoint());
    }
}
