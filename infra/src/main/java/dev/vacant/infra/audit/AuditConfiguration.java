package dev.vacant.infra.audit;

import dev.vacant.query.projection.ProjectionCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires audit replay jobs over the application's database, with every projection of the catalog. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditJobs auditJobs(DataSource dataSource) {
        return new AuditJobs(new AuditReplay(dataSource::getConnection, ProjectionCatalog.projectors(),
                Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Audit progress: {@code vacant.audit.events.read} and {@code vacant.audit.events.total} of the latest job (0
     * before any), and {@code vacant.audit.jobs} by status among the retained jobs.
     */
    @Bean
    MeterBinder auditMetrics(AuditJobs jobs) {
        return registry -> {
            Gauge.builder("vacant.audit.events.read", jobs, j -> j.latest().map(AuditJob::eventsRead).orElse(0L))
                    .description("Events the latest audit replay has read").baseUnit("events").register(registry);
            Gauge.builder("vacant.audit.events.total", jobs, j -> j.latest().map(AuditJob::eventsTotal).orElse(0L))
                    .description("Events the latest audit replay reads in all").baseUnit("events").register(registry);
            for (AuditJobStatus status : AuditJobStatus.values()) {
                Gauge.builder("vacant.audit.jobs", jobs, j -> j.count(status)).tag("status", status.name())
                        .description("Retained audit jobs by status").register(registry);
            }
        };
    }
}
