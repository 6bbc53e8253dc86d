package dev.vacant.infra.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gRPC server under {@code vacant.grpc}.
 *
 * @param enabled       start the gRPC server with the application
 * @param port          its port (0 picks a free one, as the tests do)
 * @param watchInterval how often a watch stream looks for new entries or tuples
 * @param shutdownGrace how long calls in flight may finish when the server stops
 */
@ConfigurationProperties("vacant.grpc")
public record GrpcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("9090") int port,
                             @DefaultValue("100ms") Duration watchInterval, @DefaultValue("5s") Duration shutdownGrace) {
}
