package dev.vacant.infra.projection;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Read-model plumbing: read-your-writes with a bounded wait ({@code vacant.queries.consistency-timeout}). */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ReadConsistency readConsistency(ProjectionPositions positions,
                                    @Value("${vacant.queries.consistency-timeout:5s}") Duration timeout) {
        return new ReadConsistency(positions, timeout);
    }
}
