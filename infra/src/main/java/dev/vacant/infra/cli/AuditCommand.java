package dev.vacant.infra.cli;

import dev.vacant.infra.audit.AuditProgress;
import dev.vacant.infra.audit.AuditReplay;
import dev.vacant.infra.audit.AuditReport;
import dev.vacant.infra.audit.AuditReportText;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.projection.ProjectionCatalog;
import java.io.PrintWriter;
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
 * needed: ids are keys), on PostgreSQL or an embedded store ({@link StoreOptions}). Shows a progress bar on the error
 * stream and prints the report; exits 0 when clean, 1 on any verification failure or projection difference, 2 on a
 * usage error, 3 when the audit could not run.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify every logbook entry of the event store and compare the projections with a rebuild.",
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

    @Override
    public Integer call() throws Exception {
        AuditReplay replay = new AuditReplay(store.connections(),
                noProjections ? List.of() : ProjectionCatalog.projectors(), workers);
        AuditReport report = replay.run(runId(),
                noProgress ? AuditProgress.NONE : new ProgressBar(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + System.lineSeparator()
                : AuditReportText.format(report));
        out.flush();
        return report.clean() ? VacantCli.OK : VacantCli.FINDINGS;
    }

    private static String runId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return Hex.encode(bytes);
    }
}
