package dev.vacant.infra.grpc;

import io.grpc.BindableService;
import java.util.Set;

/**
 * A gRPC service of the API: every Spring bean of this type is served by {@link GrpcServer}, behind the bearer
 * token check ({@link GrpcAuthInterceptor}) unless {@link #requiresToken()} is false or the call
 * is one of its {@link #publicMethods()}, and behind the one mapping of
 * failures to statuses ({@link GrpcErrors}). Adding a service: generate its stub from a {@code .proto} under
 * {@code src/main/proto/vacant/<area>/v1}, extend the generated {@code ImplBase}, implement this interface and
 * call the area's application service, as the REST controller does.
 */
public interface GrpcApi extends BindableService {

    /** Whether calls need a bearer token (like every REST route outside the public ones). */
    default boolean requiresToken() {
        return true;
    }

    /** The full names of the calls that need no token in a service that otherwise does (a public REST route's twin). */
    default Set<String> publicMethods() {
        return Set.of();
    }

    /**
     * The full names of the calls whose handlers never wait (they reply when a command's future completes): they
     * run on the transport's thread instead of being handed to the handler pool.
     */
    default Set<String> nonBlockingMethods() {
        return Set.of();
    }
}
