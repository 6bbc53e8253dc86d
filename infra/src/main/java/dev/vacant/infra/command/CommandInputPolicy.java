package dev.vacant.infra.command;

import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Applies the kernel's {@link InputPolicy} to every command dispatched on the command bus, whichever adapter (REST,
 * gRPC, CLI, the tuple lanes) sent it, on the sender's thread and before anything is written. Numbers follow
 * {@link NumberRule#EXACT} here; the JSON a signed payload carries (heartbeat {@code extra}) is held to
 * {@link NumberRule#INTEGERS} where that payload is built ({@code HeartbeatRule}), while digest-addressed content
 * (substrate {@code params} such as a temperature of 0.7) may carry fractions.
 */
public final class CommandInputPolicy implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            InputPolicy.require(command.getPayload(), NumberRule.EXACT);
            return command;
        };
    }
}
