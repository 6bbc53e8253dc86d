package dev.vacant.infra.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An audit job as the API shows it: status, progress and, once done, the report. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditJobView(String job, AuditJobStatus status, Progress progress, AuditReport report) {

    /** Events read so far out of the events in the audited snapshot. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Progress(long eventsRead, long eventsTotal) {
    }

    static AuditJobView of(AuditJob job) {
        return new AuditJobView(job.id(), job.status(), new Progress(job.eventsRead(), job.eventsTotal()),
                job.report().orElse(null));
    }
}
