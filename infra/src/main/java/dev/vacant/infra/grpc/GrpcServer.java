package dev.vacant.infra.grpc;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC server of the application on its own port ({@code vacant.grpc.port}, 9090): every {@link GrpcApi} bean
 * behind {@link GrpcErrors} and, unless public, {@link GrpcAuthInterceptor}; the standard health service (the
 * overall status and each service SERVING while running) and server reflection. Started after the rest of the
 * context and stopped first: watch streams end, calls in flight get {@code shutdown-grace} to finish.
 * <p>
 * Commands ({@link GrpcApi#nonBlockingMethods()}) run on the transport's event loop and reply from the thread that
 * committed them: none waits on a thread. Every other call runs on a {@link ForkJoinPool} of twice as many threads as
 * processors, not grpc-java's default cached pool, which hands every call and its close to a parked thread: measured,
 * the server's CPU per command fell by 15 % ({@code docs/performance.md}, "Session 16"). A read that waits for the
 * projections waits as a managed block ({@code ReadConsistency}), so the pool adds a thread for the other calls
 * meanwhile.
 */
public final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final GrpcProperties properties;
    private final List<GrpcApi> services;
    private final GrpcAuthInterceptor auth;
    private final GrpcWatches watches;
    private final HealthStatusManager health = new HealthStatusManager();
    private volatile Server server;
    private volatile ForkJoinPool handlers;

    public GrpcServer(GrpcProperties properties, List<GrpcApi> services, GrpcAuthInterceptor auth, GrpcWatches watches) {
        this.properties = properties;
        this.services = List.copyOf(services);
        this.auth = auth;
        this.watches = watches;
    }

    @Override
    public void start() {
        handlers = handlerPool();
        ServerBuilder<?> builder = ServerBuilder.forPort(properties.port())
                .directExecutor()
                .callExecutor(handlersExcept(services.stream()
                        .flatMap(service -> service.nonBlockingMethods().stream()).collect(Collectors.toSet()), handlers))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        GrpcErrors errors = new GrpcErrors();
        for (GrpcApi service : services) {
            builder.addService(service.requiresToken()
                    ? ServerInterceptors.intercept(service, errors, auth.sparing(service.publicMethods()))
                    : ServerInterceptors.intercept(service, errors));
        }
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gRPC server on port " + properties.port(), e);
        }
        services.forEach(service -> health.setStatus(service.bindService().getServiceDescriptor().getName(),
                ServingStatus.SERVING));
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        log.info("gRPC server listening on port {}", server.getPort());
    }

    @Override
    public void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        health.enterTerminalState();
        watches.close();
        running.shutdown();
        try {
            if (!running.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow().awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        handlers.shutdown();
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /**
     * Hands every call to {@code handlers} except those named in {@code nonBlocking}, which run where they arrive, on
     * the transport's event loop (their handlers never wait: {@link GrpcApi#nonBlockingMethods()}). Finding a call's
     * method is all that runs on the event loop before the choice.
     */
    private static ServerCallExecutorSupplier handlersExcept(Set<String> nonBlocking, Executor handlers) {
        return new ServerCallExecutorSupplier() {
            @Override
            public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                return nonBlocking.contains(call.getMethodDescriptor().getFullMethodName()) ? null : handlers;
            }
        };
    }

    /**
     * FIFO (async mode) like grpc-java's own benchmarks' pool: calls are independent tasks, not forked work. Its
     * threads load classes as the application does (the default factory's would use the system class loader, which
     * does not see the packaged application's classes).
     */
    private static ForkJoinPool handlerPool() {
        ClassLoader application = GrpcServer.class.getClassLoader();
        AtomicInteger threads = new AtomicInteger();
        return new ForkJoinPool(2 * Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
            };
            thread.setName("grpc-handler-" + threads.incrementAndGet());
            thread.setContextClassLoader(application);
            return thread;
        }, null, true);
    }

    /** Started last, stopped first (after the web server would be too late for clean stream ends). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }

    /** The port the server listens on (the chosen one when configured 0). */
    public int port() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("the gRPC server is not running");
        }
        return running.getPort();
    }
}
