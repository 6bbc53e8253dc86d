package dev.vacant.kernel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed notes, checkpoints and cosignatures, pinned to the reference example of Go's
 * {@code golang.org/x/mod/sumdb/note} and to the published checkpoint vectors.
 */
class SignedNoteTest {

    /** The example key and note of Go's sumdb/note documentation (public test data). */
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final JsonNode VECTOR = CheckpointVectors.checkpoint();

    private static LogbookSigner signer(byte[] seed) {
        Ed25519KeyPair pair = Ed25519.fromSeed(seed);
        return new KeyPairSigner(VacantId.of(pair.publicKey()), seed);
    }

    @Test
    void signedNote_reproducesGosReferenceNoteByteForByte() {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SEED), 1, 33);
        NoteKey key = NoteKey.parse(GO_VKEY);

        assertThat(key.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(key.vkey()).isEqualTo(GO_VKEY);
        assertThat(SignedNote.sign(GO_TEXT, key, signer(seed)).format()).isEqualTo(GO_NOTE);
        assertThat(SignedNote.parse(GO_NOTE).signedBy(key)).isTrue();
    }

    @Test
    void signedNote_isNotSignedBy_whenTheTextOrTheKeyDiffers() {
        NoteKey key = NoteKey.parse(GO_VKEY);
        String altered = GO_NOTE.replace("problem,", "problem;");
        NoteKey other = new NoteKey("PeterNeumann", NoteKey.ED25519, Ed25519.generate(new java.security.SecureRandom()).publicKey());

        assertThat(SignedNote.parse(altered).signedBy(key)).isFalse();
        assertThat(SignedNote.parse(GO_NOTE).signedBy(other)).isFalse();
    }

    @Test
    void parse_rejectsMalformedNotesAndKeys() {
        assertThatThrownBy(() -> SignedNote.parse("no blank line\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT + "\n- PeterNeumann AAAA\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n8\nnot-base64\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpoint_noteAndSignatureBytesArePinned() {
        LogbookSigner node = nodeSigner();
        Checkpoint checkpoint = new Checkpoint("vacant.example/" + node.signerId(), 8,
                Hex.decode(CheckpointVectors.rfc6962().path("roots_hex").get(8).asText()));

        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, node);

        assertThat(node.signerId()).isEqualTo(VECTOR.path("node_id").asText());
        assertThat(signed.note().format()).isEqualTo(VECTOR.path("note").asText());
        assertThat(Hex.encode(signed.note().signatures().get(0).signature())).isEqualTo(VECTOR.path("signature_hex").asText());
        assertThat(SignedCheckpoint.nodeKey(checkpoint.origin(), NodeId.parse(node.signerId())).vkey())
                .isEqualTo(VECTOR.path("node_vkey").asText());
    }

    @Test
    void open_returnsTheCheckpoint_onlyWhenTheNodeKeySignedItForItsOrigin() {
        NoteKey nodeKey = NoteKey.parse(VECTOR.path("node_vkey").asText());
        String note = VECTOR.path("note").asText();

        SignedCheckpoint opened = SignedCheckpoint.open(note, nodeKey);

        assertThat(opened.checkpoint().size()).isEqualTo(8);
        String otherSize = note.replaceFirst("\n8\n", "\n9\n");
        assertThatThrownBy(() -> SignedCheckpoint.open(otherSize, nodeKey)).hasMessageContaining("not signed by");
        NoteKey renamed = new NoteKey("other.example/log", NoteKey.ED25519, nodeKey.publicKey());
        assertThatThrownBy(() -> SignedCheckpoint.open(note, renamed)).hasMessageContaining("origin");
    }

    @Test
    void cosignature_isPinnedAndVerifiesWithItsTimestamp_andOnlyForTheSameCheckpoint() {
        byte[] witnessSeed = Hex.decode(VECTOR.path("witness_seed_hex").asText());
        NoteKey witness = NoteKey.parse(VECTOR.path("witness_vkey").asText());
        SignedCheckpoint checkpoint = SignedCheckpoint.open(VECTOR.path("note").asText(),
                NoteKey.parse(VECTOR.path("node_vkey").asText()));
        long timestamp = VECTOR.path("witness_timestamp").asLong();

        NoteSignature cosignature = Cosignature.sign(checkpoint.note().text(), witness, signer(witnessSeed), timestamp);

        assertThat(witness.type()).isEqualTo(NoteKey.COSIGNATURE_V1);
        assertThat(checkpoint.cosigned(cosignature).note().format()).isEqualTo(VECTOR.path("cosigned_note").asText());
        assertThat(Cosignature.verify(checkpoint.note().text(), witness, cosignature)).contains(timestamp);
        assertThat(Cosignature.verify(checkpoint.note().text().replace("\n8\n", "\n9\n"), witness, cosignature)).isEmpty();
        assertThat(SignedNote.parse(VECTOR.path("cosigned_note").asText()).signatures()).hasSize(2);
    }

    @Test
    void witnessCheck_cosignsGrowth_andRefusesShrinkingRewrittenOrForeignLogs() {
        ListTree tree = ListTree.of(ListTree.numbered(12));
        Checkpoint at5 = new Checkpoint("log", 5, MerkleTree.root(tree::perfect, 5));
        Checkpoint at12 = new Checkpoint("log", 12, MerkleTree.root(tree::perfect, 12));
        List<byte[]> proof = MerkleTree.consistencyProof(tree::perfect, 5, 12);
        ListTree rewritten = ListTree.of(ListTree.numbered(12).subList(1, 12));
        rewritten.append(new byte[]{1});
        Checkpoint forged = new Checkpoint("log", 12, MerkleTree.root(rewritten::perfect, 12));

        assertThat(WitnessCheck.check(Optional.empty(), at12, List.of())).isEmpty();
        assertThat(WitnessCheck.check(Optional.of(at5), at12, proof)).isEmpty();
        assertThat(WitnessCheck.check(Optional.of(at12), at5, List.of())).contains(WitnessCheck.Refusal.SHRANK);
        assertThat(WitnessCheck.check(Optional.of(at5), forged, MerkleTree.consistencyProof(rewritten::perfect, 5, 12)))
                .contains(WitnessCheck.Refusal.INCONSISTENT);
        assertThat(WitnessCheck.check(Optional.of(at5), new Checkpoint("other", 12, at12.rootHash()), proof))
                .contains(WitnessCheck.Refusal.OTHER_ORIGIN);
    }

    private static LogbookSigner nodeSigner() {
        byte[] seed = Hex.decode(VECTOR.path("node_seed_hex").asText());
        return new KeyPairSigner(NodeId.of(Ed25519.fromSeed(seed).publicKey()), seed);
    }
}
