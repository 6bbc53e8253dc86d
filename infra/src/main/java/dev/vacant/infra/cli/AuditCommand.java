package dev.vacant.infra.cli;

import dev.vacant.infra.audit.AuditCheckpoint;
import dev.vacant.infra.audit.AuditProgress;
import dev.vacant.infra.audit.AuditReplay;
import dev.vacant.infra.audit.AuditReport;
import dev.vacant.infra.audit.AuditReportText;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.projection.ProjectionCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vacant audit}: audit replay offline, straight against the database with plain JDBC (only public keys are
 * needed: ids are keys), on PostgreSQL or an embedded store ({@link StoreOptions}), checked against the latest
 * checkpoint or one the user kept. Shows a progress bar on the error stream and prints the report; exits 0 when
 * clean, 1 on any verification failure or projection difference, 2 on a usage error, 3 when the audit could not run.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify every logbook entry of the event store, compare the projections with a rebuild and "
                + "check the store against a signed checkpoint.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:clean", "1:verification failures or projection differences", "2:usage error",
                        "3:the audit could not run"})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--no-projections", description = "Verify the store only; do not rebuild and compare projections "
            + "(needs no right to create a scratch schema).")
    boolean noProjections;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on the error stream.")
    boolean noProgress;

    @Option(names = "--workers", description = "Verification threads (default: available processors).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--checkpoint", description = "A signed checkpoint note you kept (file) to check the store against "
            + "(default: the latest checkpoint in the database).")
    Path checkpoint;

    @Option(names = "--node-key", description = "The node's verifier key (name+keyid+base64) to check the checkpoint "
            + "with (default: the key the database names).")
    String nodeKey;

    @Option(names = "--no-checkpoint", description = "Do not check the store against a checkpoint.")
    boolean noCheckpoint;

    @Override
    public Integer call() throws Exception {
        AuditReplay replay = new AuditReplay(store.connections(),
                noProjections ? List.of() : ProjectionCatalog.projectors(), workers);
        AuditReport report = replay.run(runId(),
                noProgress ? AuditProgress.NONE : new ProgressBar(spec.commandLine().getErr()), checkpoint());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + System.lineSeparator()
                : AuditReportText.format(report));
        out.flush();
        return report.clean() ? VacantCli.OK : VacantCli.FINDINGS;
    }

    private AuditCheckpoint checkpoint() throws IOException {
        if (noCheckpoint) {
            return AuditCheckpoint.NONE;
        }
        return checkpoint == null ? AuditCheckpoint.LATEST
                : AuditCheckpoint.given(Files.readString(checkpoint), nodeKey == null ? null : NoteKey.parse(nodeKey));
    }

    private static String runId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return Hex.encode(bytes);
    }
}
