package dev.vacant.infra.audit;

import dev.vacant.query.projection.ProjectionCatalog;
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
}
