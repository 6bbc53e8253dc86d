package dev.vacant.infra.cli;

import dev.vacant.infra.checkpoint.ProofAnswers;
import dev.vacant.kernel.checkpoint.Cosignature;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.checkpoint.WitnessCheck;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.NodeId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vacant witness}: polls a node's latest checkpoint, verifies the node's signature and that the log only
 * grew since the last checkpoint this witness saw ({@link WitnessCheck}, with a consistency proof), and only then
 * cosigns it (C2SP tlog-cosignature) and posts the cosignature to the node. The last checkpoint seen is kept in
 * the state file; a refusal leaves it unchanged. {@code --once} polls once and exits 0 (cosigned) or 1 (refused).
 */
@Command(name = "witness", mixinStandardHelpOptions = true, exitCodeOnExecutionException = CheckpointCommand.ERROR,
        description = "Witness a node's log: cosign each new checkpoint only if the log only grew.",
        exitCodeListHeading = "Exit codes (--once):%n",
        exitCodeList = {"0:cosigned", "1:refused", "2:usage error", "3:could not run"})
public final class WitnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "The node's base URL.")
    String url;

    @Option(names = "--node-key", required = true, description = "The node's verifier key (name+keyid+base64).")
    String nodeKey;

    @Option(names = "--name", required = true, description = "This witness's name, e.g. witness.example/w1.")
    String name;

    @Option(names = "--key", required = true,
            description = "This witness's private seed file (hex); created (mode 0600) when missing.")
    Path keyFile;

    @Option(names = "--state", required = true, description = "Where the last checkpoint seen is kept.")
    Path stateFile;

    @Option(names = "--interval", defaultValue = "PT10S", description = "Time between polls (ISO-8601, default PT10S).")
    Duration interval;

    @Option(names = "--once", description = "Poll once and exit.")
    boolean once;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Ed25519KeyPair pair = Ed25519.fromSeed(seed());
        NoteKey witness = new NoteKey(name, NoteKey.COSIGNATURE_V1, pair.publicKey());
        out().println("witness key: " + witness.vkey());
        NodeClient node = new NodeClient(url, null);
        NoteKey trusted = NoteKey.parse(nodeKey);
        KeyPairSigner signer = new KeyPairSigner(NodeId.of(pair.publicKey()), pair.privateSeed());
        while (true) {
            boolean cosigned = poll(node, trusted, witness, signer);
            if (once) {
                return cosigned ? CheckpointCommand.VERIFIED : CheckpointCommand.NOT_VERIFIED;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private boolean poll(NodeClient node, NoteKey trusted, NoteKey witness, KeyPairSigner signer) throws IOException {
        SignedCheckpoint latest = SignedCheckpoint.open(node.latest().path("note").asText(), trusted);
        Optional<SignedCheckpoint> last = Files.exists(stateFile)
                ? Optional.of(SignedCheckpoint.open(Files.readString(stateFile), trusted)) : Optional.empty();
        boolean grew = last.isPresent() && last.get().checkpoint().size() <= latest.checkpoint().size();
        List<byte[]> proof = !grew ? List.of()
                : ProofAnswers.hashes(node.consistency(last.get().checkpoint().size(), latest.checkpoint().size())
                        .path("proof"));
        Optional<WitnessCheck.Refusal> refusal = WitnessCheck.check(last.map(SignedCheckpoint::checkpoint),
                latest.checkpoint(), proof);
        if (refusal.isPresent()) {
            out().println("REFUSED size " + latest.checkpoint().size() + ": " + refusal.get());
            out().flush();
            return false;
        }
        String line = Cosignature.sign(latest.note().text(), witness, signer, clock.instant().getEpochSecond()).line();
        node.cosign(latest.checkpoint().size(), line);
        Files.writeString(stateFile, latest.note().format());
        out().println("COSIGNED size " + latest.checkpoint().size());
        out().flush();
        return true;
    }

    private byte[] seed() throws IOException {
        if (Files.exists(keyFile)) {
            return Hex.decode(Files.readString(keyFile).strip());
        }
        byte[] seed = Ed25519.generate(new SecureRandom()).privateSeed();
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, Hex.encode(seed));
        return seed;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
