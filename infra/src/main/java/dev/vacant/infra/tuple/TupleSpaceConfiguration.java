package dev.vacant.infra.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.tuple.identity.CommandBudSpawner;
import dev.vacant.infra.tuple.identity.ProjectedCompositeTrees;
import dev.vacant.infra.tuple.jdbc.JdbcRegisteredVacants;
import dev.vacant.infra.tuple.jdbc.JdbcTupleStore;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.space.BudSpawner;
import dev.vacant.command.tuple.space.CompositeTrees;
import dev.vacant.command.tuple.space.FrontCheck;
import dev.vacant.command.tuple.space.LaneMaintenance;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.SpaceScan;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.command.tuple.space.TupleStore;
import dev.vacant.infra.tuple.transport.InProcessLaneTransport;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.infra.tuple.transport.PendingReplies;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.tuple.web.LaneOps;
import dev.vacant.infra.tuple.web.OpIds;
import dev.vacant.infra.tuple.web.TupleAuthorities;
import dev.vacant.kernel.tuple.TupleIds;
import dev.vacant.query.composite.CompositeQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tuple space: JDBC store, lane worker logic and the front gateway. The transport is chosen by
 * {@code vacant.lanes.transport}: in-process here (the default), Kafka in {@link KafkaLaneConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LaneProperties.class, LanePolicyProperties.class})
public class TupleSpaceConfiguration {

    /** The most lanes the tuple-op metric distinguishes. */
    static final int MAX_LANE_TAGS = 256;

    @Bean
    TupleStore tupleStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new JdbcTupleStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    TupleIds tupleIds(Clock clock) {
        return new TupleIds(clock, new SecureRandom());
    }

    @Bean
    CompositeTrees compositeTrees(CompositeQueries composites) {
        return new ProjectedCompositeTrees(composites);
    }

    @Bean
    BudSpawner budSpawner(CommandGateway commands, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new CommandBudSpawner(commands, jdbc, transactions);
    }

    @Bean
    TupleSpace tupleSpace(TupleStore store, CompositeTrees trees, BudSpawner buds, Clock clock, TupleIds ids,
                          ExecutionLanes executionLanes, LanePolicyProperties policy) {
        ObjectNode policyBlock = policy.snapshot();
        return new TupleSpace(store, trees, buds, clock, ids, executionLanes::snapshot, policyBlock::deepCopy);
    }

    @Bean
    SpaceScan spaceScan(TupleStore store, CompositeTrees trees, Clock clock) {
        return new SpaceScan(store, trees, clock);
    }

    @Bean
    TupleAuthorities tupleAuthorities(JdbcTemplate jdbc) {
        return new TupleAuthorities(new JdbcRegisteredVacants(jdbc));
    }

    @Bean
    OpIds opIds(TupleIds ids) {
        return new OpIds(ids);
    }

    @Bean
    LaneOps laneOps(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds) {
        return new LaneOps(gateway, authorities, opIds);
    }

    @Bean
    PendingReplies pendingReplies() {
        return new PendingReplies();
    }

    @Bean
    TupleGateway tupleGateway(LaneTransport transport, FrontCheck front, LaneProperties properties,
                              MeterRegistry meters) {
        return new TupleGateway(transport, properties.replyTimeout(), front, new TupleOpTimer(meters));
    }

    /**
     * {@value TupleOpTimer#METRIC} keeps at most {@value #MAX_LANE_TAGS} distinct lanes (lane names are the
     * clients'); ops on further lanes are not timed.
     */
    @Bean
    MeterFilter tupleOpLaneLimit() {
        return MeterFilter.maximumAllowableTags(TupleOpTimer.METRIC, "lane", MAX_LANE_TAGS, MeterFilter.deny());
    }

    @Bean(destroyMethod = "close")
    LaneMaintenance laneMaintenance(LaneWorker worker, TupleStore store, Clock clock, LaneProperties properties) {
        return new LaneMaintenance(worker, store, clock, properties.waiterTick(), properties.reapInterval(),
                properties.replyRetention());
    }

    /** The embedded default: per-lane serial executors in this process. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vacant.lanes.transport", havingValue = "in-process", matchIfMissing = true)
    static class InProcessLanes {

        @Bean(destroyMethod = "shutdown")
        ExecutorService laneThreads() {
            return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), r -> {
                Thread thread = new Thread(r, "lane-worker");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Bean
        InProcessLaneTransport laneTransport(ExecutorService laneThreads, PendingReplies replies) {
            return new InProcessLaneTransport(laneThreads, replies);
        }

        /** Nothing leaves the process before the worker decides, so there is nothing to check ahead. */
        @Bean
        FrontCheck frontCheck() {
            return FrontCheck.NONE;
        }

        @Bean
        MeterBinder laneBacklogMetric(InProcessLaneTransport transport) {
            return LaneBacklog.gauge(transport::backlog);
        }

        @Bean
        LaneWorker laneWorker(TupleSpace space, TupleStore store, PendingReplies replies, InProcessLaneTransport transport,
                              LaneProperties properties) {
            LaneWorker worker = new LaneWorker(space, store, replies, properties.deployment());
            transport.bind(worker);
            return worker;
        }
    }
}
