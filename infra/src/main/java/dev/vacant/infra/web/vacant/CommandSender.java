package dev.vacant.infra.web.vacant;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command, waiting for its result ({@link #send}) or not ({@link #dispatch}); an unknown aggregate becomes
 * {@code NOT_FOUND}, and a write conflict or lock cycle the command bus could not retry away (another node kept
 * appending to the vacant) {@code CONFLICT}.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends {@code command} and waits for its result; a failure is thrown as {@link #failure} reads it. */
    public <R> R send(Object command) {
        return await(dispatch(command));
    }

    /**
     * Sends {@code command} without waiting: the result completes after the command's group committed, on the thread
     * that committed it, exceptionally with the failure as {@link #failure} reads it. A rejection is the caller's to
     * answer, so it is not logged (Axon's {@code send(Object)} logs every failed command as a warning).
     */
    public <R> CompletableFuture<R> dispatch(Object command) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        gateway.send(command, (CommandCallback<Object, R>) (message, result) -> {
            if (result.isExceptional()) {
                answer.completeExceptionally(failure(result.exceptionResult()));
            } else {
                answer.complete(result.getPayload());
            }
        });
        return answer;
    }

    /** The result of {@code pending}, waiting for it; its failure is thrown as it is (not wrapped). */
    public static <R> R await(CompletableFuture<R> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw failure(e);
        }
    }

    /**
     * The exception a failed command answers with, as Axon's waiting send throws it: unwrapped from the future's
     * {@link CompletionException}, anything but a {@link RuntimeException} wrapped in a
     * {@link CommandExecutionException}, and an unknown vacant or an unresolved conflict as the API's codes.
     */
    public static RuntimeException failure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AggregateNotFoundException e) {
            return new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + e.getAggregateIdentifier());
        }
        if (cause instanceof ConcurrencyException || cause instanceof DeadlockException) {
            return new VacantException(ErrorCode.CONFLICT, "the vacant changed concurrently; send the command again");
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CommandExecutionException("the command failed: " + cause, cause);
    }
}
