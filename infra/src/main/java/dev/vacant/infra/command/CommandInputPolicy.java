package dev.vacant.infra.command;

import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Applies the kernel's {@link InputPolicy} to every command dispatched on the command bus, whichever adapter (REST,
 * gRPC, CLI, the tuple lanes) sent it, on the sender's thread and before anything is written: its numbers follow
 * {@link NumberRule#INTEGERS}, since all of a command's data ends up in a signed logbook entry.
 */
public final class CommandInputPolicy implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            InputPolicy.require(command.getPayload(), NumberRule.INTEGERS);
            return command;
        };
    }
}
