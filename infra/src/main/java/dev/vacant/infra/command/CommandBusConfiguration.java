package dev.vacant.infra.command;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Axon's local {@link SimpleCommandBus} by the {@link GroupCommitCommandBus} (unless
 * {@code vacant.commands.group-commit.enabled=false}), configured as Axon's auto-configuration configures its own,
 * and Axon's command gateway by the {@link MeteredCommandGateway}, registers the {@link CommandInputPolicy} on
 * whichever bus is in use, and gives the aggregates the {@link CachedCommandTargetResolver}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean(initMethod = "start", destroyMethod = "shutdown")
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "vacant.commands.group-commit.enabled", havingValue = "true", matchIfMissing = true)
    GroupCommitCommandBus commandBus(TransactionManager transactions, Configuration axon,
                                     DuplicateCommandHandlerResolver duplicates, GroupCommitProperties properties,
                                     MeterRegistry meters) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        GroupCommitCommandBus bus = new GroupCommitCommandBus(builder, transactions,
                AnnotationRoutingStrategy.builder().fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.RANDOM_KEY).build(),
                properties.lanes(), properties.maxBatch(), properties.conflictRetries());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        bus.observeGroupSizes(DistributionSummary.builder(GroupCommitCommandBus.GROUP_SIZE_METRIC)
                .description("Commands a group-commit dispatcher drained into one transaction")
                .baseUnit("commands")
                .publishPercentileHistogram()
                .maximumExpectedValue((double) properties.maxBatch())
                .register(meters)::record);
        return bus;
    }

    /** Axon's gateway, timing every command by type and outcome ({@link MeteredCommandGateway}). */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, MeterRegistry meters) {
        return new MeteredCommandGateway(DefaultCommandGateway.builder().commandBus(commandBus).build(), meters);
    }

    /** Resolves every aggregate's target from its commands with the annotated members looked up once per class. */
    @Bean
    CommandTargetResolver commandTargets() {
        return new CachedCommandTargetResolver();
    }

    /** The input policy of every command, on whichever command bus is configured. */
    @Bean
    Registration commandInputPolicy(CommandBus commandBus) {
        return commandBus.registerDispatchInterceptor(new CommandInputPolicy());
    }
}
