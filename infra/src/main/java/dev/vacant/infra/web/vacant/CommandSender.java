package dev.vacant.infra.web.vacant;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits; an unknown aggregate becomes {@code NOT_FOUND}, and a write conflict or lock cycle the
 * command bus could not retry away (another node kept appending to the vacant) {@code CONFLICT}.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + e.getAggregateIdentifier());
        } catch (ConcurrencyException | DeadlockException e) {
            throw new VacantException(ErrorCode.CONFLICT, "the vacant changed concurrently; send the command again");
        }
    }
}
