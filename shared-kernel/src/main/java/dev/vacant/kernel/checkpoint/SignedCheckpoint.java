package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.logbook.LogbookSigner;

/**
 * A checkpoint signed by the node key as a C2SP signed note; the key's name is the checkpoint's origin and the key
 * is the node's ({@link #nodeKey}). Cosignatures are further signature lines of the same note.
 */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) {

    /** The note key of node {@code node} for a log named {@code origin}. */
    public static NoteKey nodeKey(String origin, NodeId node) {
        return new NoteKey(origin, NoteKey.ED25519, node.publicKey());
    }

    /** Signs {@code checkpoint} with the node's signer (whose id is a node id). */
    public static SignedCheckpoint sign(Checkpoint checkpoint, LogbookSigner node) {
        NoteKey key = nodeKey(checkpoint.origin(), NodeId.parse(node.signerId()));
        return new SignedCheckpoint(checkpoint, SignedNote.sign(checkpoint.text(), key, node));
    }

    /**
     * Opens a signed checkpoint note: parses it, checks that {@code nodeKey} signed it and that its origin is the
     * key's name. {@link IllegalArgumentException} says what is wrong.
     */
    public static SignedCheckpoint open(String note, NoteKey nodeKey) {
        SignedNote parsed = SignedNote.parse(note);
        Checkpoint checkpoint = Checkpoint.parse(parsed.text());
        if (!checkpoint.origin().equals(nodeKey.name())) {
            throw new IllegalArgumentException("the checkpoint's origin '" + checkpoint.origin()
                    + "' is not the key's name '" + nodeKey.name() + "'");
        }
        if (!parsed.signedBy(nodeKey)) {
            throw new IllegalArgumentException("the checkpoint is not signed by " + nodeKey.vkey());
        }
        return new SignedCheckpoint(checkpoint, parsed);
    }

    /** This checkpoint with one more cosignature line. */
    public SignedCheckpoint cosigned(NoteSignature cosignature) {
        return new SignedCheckpoint(checkpoint, note.with(cosignature));
    }
}
