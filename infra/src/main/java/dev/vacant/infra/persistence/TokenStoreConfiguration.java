package dev.vacant.infra.persistence;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC token store as its auto-configuration builds it, but owned under an id unique to this application
 * instance ({@code vacant.instance-id}; default {@code <pid>@<host>/<8 random hex digits>}). Axon's default owner, the
 * JVM's {@code <pid>@<host>}, is the same for two applications in one JVM and for containers that share a host name
 * and run as pid 1: instances with one owner id would both claim a segment, and the projections would run twice.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          TokenStoreProperties properties, @Value("${vacant.instance-id:}") String instanceId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(instanceId.isBlank() ? generatedId() : instanceId)
                .build();
    }

    private static String generatedId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
