package dev.vacant.infra.config;

import dev.vacant.command.composite.CompositeCommandHandlers;
import dev.vacant.command.vacant.EventStoreVacantDirectory;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantCommandHandlers;
import dev.vacant.command.vacant.VacantContext;
import dev.vacant.command.vacant.VacantEffects;
import dev.vacant.infra.custody.AesGcmKeyCustody;
import dev.vacant.infra.custody.CustodyProperties;
import dev.vacant.infra.custody.KeyEncryptionKey;
import dev.vacant.infra.timer.JdbcVacantTimers;
import dev.vacant.infra.timer.TimerPolling;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.custody.KeyCustody;
import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the Vacant command side: clock, custody, timers, settings, the multi-aggregate and composite handlers and the
 * effects that follow applied entries.
 */
@Configuration(proxyBeanMethods = false)
public class VacantCommandConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AesGcmKeyCustody keyCustody(JdbcTemplate jdbc, CustodyProperties properties, VacantProperties vacant, Clock clock) {
        KeyEncryptionKey kek = KeyEncryptionKey.resolve(properties, Path.of(vacant.dataDir()));
        return new AesGcmKeyCustody(jdbc, kek, clock, properties.cacheSizeOrDefault());
    }

    @Bean
    JdbcVacantTimers vacantTimers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new JdbcVacantTimers(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    VacantContext vacantContext(KeyCustody custody, Clock clock, LifecycleProperties lifecycle, JdbcVacantTimers timers) {
        return new VacantContext(custody, clock, lifecycle.lifecycle(), lifecycle.drift(), timers);
    }

    /** Keeps loaded vacants in memory so a command does not replay the whole logbook. */
    @Bean
    Cache vacantCache() {
        return new WeakReferenceCache();
    }

    @Bean
    VacantCommandHandlers vacantCommandHandlers(Repository<Vacant> vacantRepository, VacantContext ctx) {
        return new VacantCommandHandlers(vacantRepository, ctx);
    }

    @Bean
    VacantEffects vacantEffects(Repository<Vacant> vacantRepository, VacantContext ctx) {
        return new VacantEffects(vacantRepository, ctx);
    }

    /**
     * {@link VacantEffects} runs in a subscribing processor, in the publishing command's unit of work and transaction;
     * a failure propagates, so the command fails and nothing of it commits (Axon's default would log and go on).
     */
    @Bean
    ConfigurerModule vacantEffectsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(VacantEffects.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(VacantEffects.PROCESSING_GROUP,
                        axon -> PropagatingErrorHandler.instance()));
    }

    @Bean
    CompositeCommandHandlers compositeCommandHandlers(Repository<Vacant> vacantRepository, VacantContext ctx,
                                                      GraduationProperties graduation, LifecycleProperties lifecycle,
                                                      EventStore eventStore) {
        return new CompositeCommandHandlers(vacantRepository, ctx, graduation.gate(lifecycle.drift()),
                new EventStoreVacantDirectory(eventStore));
    }

    @Bean
    VacantTimerPoller vacantTimerPoller(JdbcVacantTimers timers, CommandGateway commands, Clock clock,
                                        TimerProperties properties) {
        return new VacantTimerPoller(timers, commands, clock, properties.claimLease());
    }

    /** Polls due timers on a schedule unless {@code vacant.timers.polling=false}. */
    @Bean
    @ConditionalOnProperty(name = "vacant.timers.polling", havingValue = "true", matchIfMissing = true)
    TimerPolling timerPolling(VacantTimerPoller poller, TimerProperties properties) {
        return new TimerPolling(poller, properties.pollInterval());
    }
}
