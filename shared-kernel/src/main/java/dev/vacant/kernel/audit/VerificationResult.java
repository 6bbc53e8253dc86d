package dev.vacant.kernel.audit;

import dev.vacant.kernel.logbook.VerificationFailure;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of verifying a store: entries fed to their chains, rows that belong to no vacant's chain (other
 * aggregates' events) and every failure, ordered by vacant, seq and reason.
 */
public record VerificationResult(long entriesVerified, long rowsSkipped, List<VerificationFailure> failures) {

    static final Comparator<VerificationFailure> ORDER = Comparator.comparing(VerificationFailure::vacant)
            .thenComparingLong(VerificationFailure::seq)
            .thenComparing(VerificationFailure::reason);

    public VerificationResult {
        failures = failures.stream().sorted(ORDER).toList();
    }
}
