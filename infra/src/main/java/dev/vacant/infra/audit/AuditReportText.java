package dev.vacant.infra.audit;

import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.query.audit.TableComparison;
import java.util.Locale;

/** The readable form of an {@link AuditReport}, as the CLI prints it. */
public final class AuditReportText {

    private AuditReportText() {
    }

    public static String format(AuditReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Audit replay: %d events read, %d entries verified, %d skipped, "
                        + "in %.3f s (%d events/s)%n", report.eventsRead(), report.entriesVerified(),
                report.rowsSkipped(), report.elapsedMillis() / 1000.0, report.eventsPerSecond()));
        text.append(String.format(Locale.ROOT, "Verification failures: %d%n", report.failureCount()));
        for (VerificationFailure failure : report.failures()) {
            text.append(String.format(Locale.ROOT, "  %s seq %d %s%n", failure.vacant(), failure.seq(), failure.reason()));
        }
        if (report.failureCount() > report.failures().size()) {
            text.append(String.format(Locale.ROOT, "  ... and %d more%n", report.failureCount() - report.failures().size()));
        }
        text.append(String.format(Locale.ROOT, "Projections compared: %d tables%n", report.projections().size()));
        for (TableComparison table : report.projections()) {
            text.append(String.format(Locale.ROOT, "  %s: %d rows rebuilt, %d missing, %d extra%n", table.table(),
                    table.rebuiltRows(), table.missing(), table.extra()));
            table.missingKeys().forEach(key -> text.append("    missing ").append(key).append(System.lineSeparator()));
            table.extraKeys().forEach(key -> text.append("    extra ").append(key).append(System.lineSeparator()));
        }
        text.append(String.format(Locale.ROOT, "Parked sequences (events the rebuild could not apply): %d%n",
                report.parked().size()));
        for (ParkedSequence sequence : report.parked()) {
            text.append(String.format(Locale.ROOT, "  %s from seq %d (position %d, %d events): %s%n",
                    sequence.vacant(), sequence.seq(), sequence.position(), sequence.events(), sequence.reason()));
        }
        if (report.checkpoint() != null) {
            CheckpointFindings checkpoint = report.checkpoint();
            text.append(String.format(Locale.ROOT, "Checkpoint of size %d: %s%n", checkpoint.treeSize(),
                    checkpoint.storeMatches() ? "the store matches" : "the store DIFFERS from leaf "
                            + checkpoint.firstDifferentLeaf() + (checkpoint.vacant() == null ? "" : " (" + checkpoint.vacant()
                            + " seq " + checkpoint.seq() + ")") + (checkpoint.treeMatches() ? "" : "; the stored tree differs too")));
        }
        text.append(report.clean() ? "Result: CLEAN" : String.format(Locale.ROOT,
                "Result: FAILED (%d verification failures, %d projection tables differ, %d sequences parked)",
                report.failureCount(), report.projectionDifferences(), report.parked().size()));
        return text.append(System.lineSeparator()).toString();
    }
}
