package dev.vacant.infra.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.query.audit.TableComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * What an audit replay found: events read, entries verified, rows of other aggregates skipped, verification
 * failures (all counted, the first {@value #LISTED_FAILURES} listed in vacant and seq order), every projection
 * table compared with its rebuild, the vacants whose events the rebuild could not apply ({@code parked}, as the live
 * projections park them), the time it took, and the check against a checkpoint when one was made.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditReport(long eventsRead, long entriesVerified, long rowsSkipped, long failureCount,
                          List<VerificationFailure> failures, List<TableComparison> projections,
                          List<ParkedSequence> parked, long elapsedMillis, long eventsPerSecond,
                          @JsonInclude(JsonInclude.Include.NON_NULL) CheckpointFindings checkpoint) {

    /** At most this many failures are listed; {@code failure_count} counts them all. */
    public static final int LISTED_FAILURES = 1000;

    public AuditReport {
        failures = List.copyOf(failures.subList(0, (int) Math.min(failures.size(), LISTED_FAILURES)));
        projections = List.copyOf(projections);
        parked = List.copyOf(parked);
    }

    /**
     * This report with what the checkpoint check found: a store that differs from the checkpoint counts one more
     * failure, listed as {@code CHECKPOINT_MISMATCH} at the first differing entry when the tree recorded it.
     */
    AuditReport against(CheckpointFindings findings) {
        List<VerificationFailure> all = new ArrayList<>(failures);
        if (!findings.storeMatches() && findings.vacant() != null) {
            all.add(new VerificationFailure(findings.vacant(), findings.seq(), VerificationFailureReason.CHECKPOINT_MISMATCH));
        }
        return new AuditReport(eventsRead, entriesVerified, rowsSkipped, failureCount + (findings.storeMatches() ? 0 : 1),
                all, projections, parked, elapsedMillis, eventsPerSecond, findings);
    }

    /** The number of projection tables whose live rows differ from their rebuild. */
    @JsonProperty("projection_differences")
    public long projectionDifferences() {
        return projections.stream().filter(table -> !table.identical()).count();
    }

    /** Whether the store verified, every projection matches its rebuild and no event had to be parked. */
    @JsonProperty("clean")
    public boolean clean() {
        return failureCount == 0 && projectionDifferences() == 0 && parked.isEmpty();
    }
}
