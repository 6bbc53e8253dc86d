package dev.vacant.infra.grpc;

import dev.vacant.infra.security.ApiTokens;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates {@code authorization: Bearer <token>} metadata with the same API tokens as REST; the call runs
 * with the token's {@link Actor} in its context ({@link #actor()}). No token, or an unknown one, closes the call
 * {@code UNAUTHENTICATED}; what the actor may do is decided by the application services ({@code FORBIDDEN} becomes
 * {@code PERMISSION_DENIED}).
 */
public final class GrpcAuthInterceptor implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Actor> ACTOR = Context.key("vacant-actor");
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    public GrpcAuthInterceptor(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The actor of the current call. */
    public static Actor actor() {
        Actor actor = ACTOR.get();
        if (actor == null) {
            throw new IllegalStateException("no authenticated actor in this call's context");
        }
        return actor;
    }

    /** This check, except for the rpcs named (full method names), which run without an actor, like public REST routes. */
    public ServerInterceptor except(Set<String> publicMethods) {
        if (publicMethods.isEmpty()) {
            return this;
        }
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                return publicMethods.contains(call.getMethodDescriptor().getFullMethodName())
                        ? next.startCall(call, headers)
                        : GrpcAuthInterceptor.this.interceptCall(call, headers, next);
            }
        };
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Optional<Actor> actor = Optional.ofNullable(headers.get(AUTHORIZATION))
                .filter(header -> header.startsWith(BEARER))
                .flatMap(header -> tokens.authenticate(header.substring(BEARER.length()).trim()));
        if (actor.isEmpty()) {
            GrpcErrors.close(call, new VacantException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."));
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(ACTOR, actor.get()), call, headers, next);
    }
}
