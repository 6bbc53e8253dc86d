package dev.vacant.infra.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Axon's local {@link SimpleCommandBus} by the {@link GroupCommitCommandBus} (unless
 * {@code vacant.commands.group-commit.enabled=false}), configured as Axon's auto-configuration configures its own,
 * and registers the {@link CommandInputPolicy} on whichever bus is in use.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean(initMethod = "start", destroyMethod = "shutdown")
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "vacant.commands.group-commit.enabled", havingValue = "true", matchIfMissing = true)
    GroupCommitCommandBus commandBus(TransactionManager transactions, Configuration axon,
                                     DuplicateCommandHandlerResolver duplicates, GroupCommitProperties properties) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        GroupCommitCommandBus bus = new GroupCommitCommandBus(builder, transactions,
                AnnotationRoutingStrategy.builder().fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.RANDOM_KEY).build(),
                properties.lanes(), properties.maxBatch());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** The input policy of every command, on whichever command bus is configured. */
    @Bean
    Registration commandInputPolicy(CommandBus commandBus) {
        return commandBus.registerDispatchInterceptor(new CommandInputPolicy());
    }
}
