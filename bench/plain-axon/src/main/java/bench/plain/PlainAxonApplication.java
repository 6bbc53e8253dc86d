package bench.plain;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The plain-Axon baseline of the command bench: an idiomatic Spring Boot + Axon application (Axon's JDBC storage on
 * PostgreSQL, Jackson messages, one tracking projection, a stateless bearer-token security chain) doing Vacant's
 * bench mix (genesis, heartbeat, D1 spawn, calls) without signing. Its tables are created by {@code schema.sql}.
 */
@SpringBootApplication
public class PlainAxonApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainAxonApplication.class, args);
    }

    /**
     * The same snake_case names as Vacant's event store ({@code AxonJdbcSchemaConfiguration}), so the load generator
     * reads both alike; repeated on purpose, as the baseline depends on nothing of Vacant.
     */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Every request but the health probe needs the bearer token; no session, no CSRF (a token API). */
    @Bean
    SecurityFilterChain api(HttpSecurity http, @Value("${plain.token}") String token) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(token), AnonymousAuthenticationFilter.class)
                .build();
    }
}
