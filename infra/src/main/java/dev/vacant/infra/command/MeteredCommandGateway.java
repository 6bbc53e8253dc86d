package dev.vacant.infra.command;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The application's command gateway: Axon's, with every command timed from dispatch to its result (after its group
 * committed) in {@value #METRIC}, tagged with the command's type and its {@code outcome}: {@code OK} or the error
 * code it was rejected with ({@code NOT_FOUND} for an unknown vacant, {@code INTERNAL} for anything unexpected). Latencies are published as
 * a histogram.
 */
public final class MeteredCommandGateway implements CommandGateway {

    /** The timer of commands. */
    public static final String METRIC = "vacant.commands";
    private static final String OK = "OK";

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    public MeteredCommandGateway(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        Timer.Sample sample = Timer.start(meters);
        gateway.send(command, (CommandCallback<C, R>) (message, result) -> {
            record(sample, message, result.isExceptional() ? result.exceptionResult() : null);
            callback.onResult(message, result);
        });
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return timed(command, () -> gateway.sendAndWait(command));
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return timed(command, () -> gateway.sendAndWait(command, timeout, unit));
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        Timer.Sample sample = Timer.start(meters);
        CompletableFuture<R> result = gateway.send(command);
        return result.whenComplete((value, failure) -> record(sample, command, failure));
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return gateway.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** Runs a waiting send, timing it to its result or its exception. */
    private <R> R timed(Object command, Supplier<R> send) {
        Timer.Sample sample = Timer.start(meters);
        try {
            R result = send.get();
            record(sample, command, null);
            return result;
        } catch (RuntimeException e) {
            record(sample, command, e);
            throw e;
        }
    }

    private void record(Timer.Sample sample, Object command, Throwable failure) {
        sample.stop(Timer.builder(METRIC)
                .tag("command", type(command).getSimpleName())
                .tag("outcome", failure == null ? OK : code(failure))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters));
    }

    private static Class<?> type(Object command) {
        return command instanceof CommandMessage<?> message ? message.getPayloadType() : command.getClass();
    }

    /**
     * The error code of the first {@link VacantException} among {@code failure} and its causes; an unknown aggregate is
     * {@code NOT_FOUND}, as the API answers it.
     */
    private static String code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof VacantException rejected) {
                return rejected.code().name();
            }
            if (cause instanceof AggregateNotFoundException) {
                return ErrorCode.NOT_FOUND.name();
            }
        }
        return ErrorCode.INTERNAL.name();
    }
}
