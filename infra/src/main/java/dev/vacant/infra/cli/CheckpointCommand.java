package dev.vacant.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.checkpoint.ProofAnswers;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vacant checkpoint}: a client of a node's checkpoints that trusts only the node's verifier key. Exits 0
 * when everything verified, 1 when something did not, 2 on a usage error, 3 when it could not run.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Fetch, prove and verify the node's signed checkpoints.",
        subcommands = {CheckpointCommand.Latest.class, CheckpointCommand.Prove.class, CheckpointCommand.Verify.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:verified", "1:did not verify", "2:usage error", "3:could not run"})
public final class CheckpointCommand {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int ERROR = 3;

    /** What every subcommand shares: the trusted node key and the verdict it prints. */
    abstract static class Subcommand implements Callable<Integer> {
        @Option(names = "--node-key", required = true,
                description = "The node's verifier key (name+keyid+base64), as GET /checkpoints/latest shows it.")
        String nodeKey;

        @Spec
        CommandSpec spec;

        NoteKey key() {
            return NoteKey.parse(nodeKey);
        }

        int report(boolean verified, String what) {
            out().println((verified ? "VERIFIED " : "NOT VERIFIED ") + what);
            out().flush();
            return verified ? VERIFIED : NOT_VERIFIED;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    static SignedCheckpoint read(Path file, NoteKey key) throws IOException {
        return SignedCheckpoint.open(Files.readString(file), key);
    }

    /** {@code checkpoint latest}: fetches the latest checkpoint, verifies its signature, prints and keeps it. */
    @Command(name = "latest", mixinStandardHelpOptions = true, exitCodeOnExecutionException = ERROR,
            description = "Fetch the latest checkpoint and verify the node's signature.")
    static final class Latest extends Subcommand {
        @Option(names = "--url", required = true, description = "The node's base URL.")
        String url;
        @Option(names = "--save", description = "Keep the verified checkpoint note in this file.")
        Path save;

        @Override
        public Integer call() throws IOException {
            String note = new NodeClient(url, null).latest().path("note").asText();
            SignedCheckpoint checkpoint = SignedCheckpoint.open(note, key());
            if (save != null) {
                Files.writeString(save, note);
            }
            out().print(checkpoint.note().format());
            out().flush();
            return VERIFIED;
        }
    }

    /** The entry to prove, or the kept checkpoint to prove consistency from. */
    static final class Target {
        @ArgGroup(exclusive = false)
        Entry entry;
        @Option(names = "--from", description = "A checkpoint you kept: prove the log only grew since.")
        Path from;
    }

    /** An entry by vacant and seq. */
    static final class Entry {
        @Option(names = "--vacant", required = true, description = "The vacant whose entry to prove.")
        String vacant;
        @Option(names = "--seq", required = true, description = "The entry's seq.")
        long seq;
        @Option(names = "--entry-hash", description = "The entry's hash you know (hex; default: the node's answer).")
        String entryHash;
    }

    /** {@code checkpoint prove}: fetches an inclusion or consistency proof for a checkpoint and verifies it. */
    @Command(name = "prove", mixinStandardHelpOptions = true, exitCodeOnExecutionException = ERROR,
            description = "Fetch and verify an inclusion proof of an entry, or a consistency proof from a kept checkpoint.")
    static final class Prove extends Subcommand {
        @Option(names = "--url", required = true, description = "The node's base URL.")
        String url;
        @Option(names = "--token", defaultValue = "${env:VACANT_TOKEN}",
                description = "Bearer token for inclusion proofs (default: $VACANT_TOKEN).")
        String token;
        @Option(names = "--checkpoint", description = "The checkpoint to prove against (default: the latest, verified).")
        Path checkpoint;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--save", description = "Keep the proof answer (JSON) in this file.")
        Path save;

        @Override
        public Integer call() throws IOException {
            NodeClient node = new NodeClient(url, token);
            NoteKey key = key();
            SignedCheckpoint against = checkpoint != null ? read(checkpoint, key)
                    : SignedCheckpoint.open(node.latest().path("note").asText(), key);
            long size = against.checkpoint().size();
            JsonNode answer;
            boolean verified;
            if (target.from != null) {
                SignedCheckpoint kept = read(target.from, key);
                answer = node.consistency(kept.checkpoint().size(), size);
                verified = ProofAnswers.consistencyVerifies(answer, kept.checkpoint(), against.checkpoint());
            } else {
                answer = node.inclusion(target.entry.vacant, target.entry.seq, size);
                String hash = target.entry.entryHash != null ? target.entry.entryHash : answer.path("entry_hash").asText();
                verified = ProofAnswers.inclusionVerifies(answer, against.checkpoint(), hash);
            }
            if (save != null) {
                Files.writeString(save, Json.write(answer));
            }
            return report(verified, (target.from != null ? "consistency" : "inclusion")
                    + " proof in the checkpoint of size " + size);
        }
    }

    /** {@code checkpoint verify}: offline, a kept checkpoint's signature and, optionally, a kept proof against it. */
    @Command(name = "verify", mixinStandardHelpOptions = true, exitCodeOnExecutionException = ERROR,
            description = "Verify a kept checkpoint's signature, and a kept proof answer against it, offline.")
    static final class Verify extends Subcommand {
        @Option(names = "--checkpoint", required = true, description = "The checkpoint note file.")
        Path checkpoint;
        @Option(names = "--proof", description = "A proof answer saved by 'prove --save'.")
        Path proof;
        @Option(names = "--from", description = "For a consistency proof: the older checkpoint you kept.")
        Path from;
        @Option(names = "--entry-hash", description = "For an inclusion proof: the entry's hash you know (hex).")
        String entryHash;

        @Override
        public Integer call() throws IOException {
            NoteKey key = key();
            SignedCheckpoint signed;
            try {
                signed = read(checkpoint, key);
            } catch (IllegalArgumentException e) {
                return report(false, "checkpoint: " + e.getMessage());
            }
            if (proof == null) {
                return report(true, "signature of the checkpoint of size " + signed.checkpoint().size());
            }
            JsonNode answer = Json.parse(Files.readString(proof));
            boolean verified = from != null
                    ? ProofAnswers.consistencyVerifies(answer, read(from, key).checkpoint(), signed.checkpoint())
                    : ProofAnswers.inclusionVerifies(answer, signed.checkpoint(),
                            entryHash != null ? entryHash : answer.path("entry_hash").asText());
            return report(verified, (from != null ? "consistency" : "inclusion") + " proof in the checkpoint of size "
                    + signed.checkpoint().size());
        }
    }
}
