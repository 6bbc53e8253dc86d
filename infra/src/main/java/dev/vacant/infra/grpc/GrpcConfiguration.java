package dev.vacant.infra.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vacant.infra.security.ApiTokens;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gRPC adapter: the server (unless {@code vacant.grpc.enabled=false}), its interceptors and watches. */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    ProtoJson protoJson(ObjectMapper mapper) {
        return new ProtoJson(mapper);
    }

    @Bean
    GrpcWatches grpcWatches(GrpcProperties properties) {
        return new GrpcWatches(properties.watchInterval());
    }

    @Bean
    @ConditionalOnProperty(name = "vacant.grpc.enabled", havingValue = "true", matchIfMissing = true)
    GrpcServer grpcServer(GrpcProperties properties, List<GrpcApi> services, ApiTokens tokens, GrpcWatches watches) {
        return new GrpcServer(properties, services, new GrpcAuthInterceptor(tokens), watches);
    }
}
