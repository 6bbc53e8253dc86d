package dev.vacant.infra.checkpoint;

import dev.vacant.infra.checkpoint.JdbcMerkleTree.Leaf;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.Cosignature;
import dev.vacant.kernel.checkpoint.MerkleTree;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.NoteSignature;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.checkpoint.SignedNote;
import dev.vacant.kernel.custody.NodeKeyCustody;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.NodeId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints as an application service, for every adapter (REST now, the gRPC {@code vacant.checkpoints.v1} twin
 * later): extends the tree, signs checkpoints with the node key, serves them with their witnesses' cosignatures,
 * and answers inclusion and consistency proofs against stored checkpoints. Every answer carries what a client
 * needs to verify it with the node's public key alone.
 */
public class CheckpointService {

    /** A stored checkpoint as served: the signed note, cosignatures appended, and when it was made. */
    public record Served(SignedCheckpoint signed, NoteKey nodeKey, Instant createdAt) {
    }

    /** An inclusion proof of one entry in a served checkpoint's tree. */
    public record Inclusion(Leaf leaf, List<byte[]> proof, Served checkpoint) {
    }

    /** A consistency proof from a tree size to a served checkpoint's tree. */
    public record Consistency(long from, List<byte[]> proof, Served checkpoint) {
    }

    private final JdbcMerkleTree tree;
    private final TreeBuilder builder;
    private final JdbcCheckpoints checkpoints;
    private final NodeKeyCustody custody;
    private final CheckpointProperties properties;
    private final List<NoteKey> witnesses;
    private final Clock clock;

    public CheckpointService(JdbcMerkleTree tree, TreeBuilder builder, JdbcCheckpoints checkpoints,
                             NodeKeyCustody custody, CheckpointProperties properties, Clock clock) {
        this.tree = tree;
        this.builder = builder;
        this.checkpoints = checkpoints;
        this.custody = custody;
        this.properties = properties;
        this.witnesses = properties.witnesses().stream().map(NoteKey::parse).toList();
        this.clock = clock;
    }

    /** The node's note key: its name is the log's origin, its key the node id's. */
    public NoteKey nodeKey() {
        return SignedCheckpoint.nodeKey(origin(), NodeId.parse(custody.node().signerId()));
    }

    /** Extends the tree and signs a checkpoint of its size; answers it and whether it is new. */
    public synchronized Made checkpoint() {
        long size = builder.build();
        Optional<Served> existing = at(size);
        if (existing.isPresent()) {
            return new Made(existing.get(), false);
        }
        Checkpoint checkpoint = new Checkpoint(origin(), size, MerkleTree.root(tree, size));
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, custody.node());
        checkpoints.insert(size, checkpoint.rootHash(), signed.note().format(), clock.instant());
        return new Made(at(size).orElseThrow(), true);
    }

    /** A checkpoint and whether this call made it. */
    public record Made(Served checkpoint, boolean created) {
    }

    /** Signs a checkpoint when the tree grew since the latest one (the periodic task). */
    public void checkpointIfGrown() {
        long size = builder.build();
        if (checkpoints.latest().map(latest -> latest.treeSize() < size).orElse(size > 0)) {
            checkpoint();
        }
    }

    public Optional<Served> latest() {
        return checkpoints.latest().map(this::served);
    }

    public Optional<Served> at(long size) {
        return checkpoints.at(size).map(this::served);
    }

    /** The first checkpoint that includes the entry stored at global position {@code position}. */
    public Served firstIncluding(long position) {
        Leaf leaf = tree.leafAt(position).orElseThrow(() -> notYet("the entry at position " + position));
        return checkpoints.firstCovering(leaf.leafIndex()).map(this::served)
                .orElseThrow(() -> notYet("the entry at position " + position));
    }

    /** The inclusion proof of entry {@code seq} of {@code vacant} in checkpoint {@code size} (latest when null). */
    public Inclusion inclusion(String vacant, long seq, Long size) {
        return inclusion(tree.leafOf(vacant, seq).orElseThrow(() -> notYet("entry " + seq + " of " + vacant)), size);
    }

    /** The inclusion proof of the entry stored at global position {@code position}. */
    public Inclusion inclusionAt(long position, Long size) {
        return inclusion(tree.leafAt(position).orElseThrow(() -> notYet("the entry at position " + position)), size);
    }

    private Inclusion inclusion(Leaf leaf, Long size) {
        Served checkpoint = checkpointOrLatest(size);
        long treeSize = checkpoint.signed().checkpoint().size();
        if (leaf.leafIndex() >= treeSize) {
            throw new VacantException(ErrorCode.NOT_FOUND, "entry " + leaf.seq() + " of " + leaf.vacant()
                    + " is leaf " + leaf.leafIndex() + ", not in the checkpoint of size " + treeSize);
        }
        return new Inclusion(leaf, MerkleTree.inclusionProof(tree, leaf.leafIndex(), treeSize), checkpoint);
    }

    /** The consistency proof from tree size {@code from} to checkpoint {@code to} (latest when null). */
    public Consistency consistency(long from, Long to) {
        Served checkpoint = checkpointOrLatest(to);
        long toSize = checkpoint.signed().checkpoint().size();
        if (from < 0 || from > toSize) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED,
                    "from must be between 0 and the checkpoint's tree size " + toSize + ", was " + from);
        }
        return new Consistency(from, MerkleTree.consistencyProof(tree, from, toSize), checkpoint);
    }

    /**
     * Keeps a witness's cosignature of checkpoint {@code size}: the line must verify under one of the configured
     * witness keys ({@code vacant.checkpoints.witnesses}).
     */
    public Served cosign(long size, String line) {
        Served checkpoint = at(size).orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint of size " + size));
        NoteSignature signature = parseLine(line);
        String text = checkpoint.signed().note().text();
        NoteKey witness = witnesses.stream()
                .filter(key -> Cosignature.verify(text, key, signature).isPresent()).findFirst()
                .orElseThrow(() -> new VacantException(ErrorCode.BAD_SIGNATURE,
                        "the line is not a valid cosignature of checkpoint " + size + " by a configured witness"));
        checkpoints.putCosignature(size, witness.name(), signature.line().trim(), clock.instant());
        return at(size).orElseThrow();
    }

    private static NoteSignature parseLine(String line) {
        try {
            return SignedNote.parse("x\n\n" + line.strip() + "\n").signatures().get(0);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED,
                    "a cosignature is one signature line: '\u2014 <witness name> <base64>'");
        }
    }

    private Served checkpointOrLatest(Long size) {
        if (size == null) {
            return latest().orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint yet"));
        }
        return at(size).orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint of size " + size));
    }

    private Served served(JdbcCheckpoints.Row row) {
        SignedCheckpoint signed = SignedCheckpoint.open(row.note(), nodeKey(row.note()));
        for (String line : checkpoints.cosignatures(row.treeSize())) {
            signed = signed.cosigned(parseLine(line));
        }
        return new Served(signed, nodeKey(row.note()), row.createdAt());
    }

    /** The node key under the origin the stored note names (the origin setting may have changed since). */
    private NoteKey nodeKey(String note) {
        return SignedCheckpoint.nodeKey(Checkpoint.parse(SignedNote.parse(note).text()).origin(),
                NodeId.parse(custody.node().signerId()));
    }

    private String origin() {
        return properties.originFor(custody.node().signerId());
    }

    private static VacantException notYet(String what) {
        return new VacantException(ErrorCode.NOT_FOUND, what + " is not in a checkpoint yet");
    }
}
