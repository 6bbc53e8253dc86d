package dev.vacant.infra.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.vacant.command.tuple.lane.ExecutionLane;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.lane.LaneMetrics;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.command.tuple.lane.ProviderPort;
import dev.vacant.command.tuple.lane.ReceiptCache;
import dev.vacant.command.tuple.lane.SmallTaskBatcher;
import dev.vacant.command.tuple.lane.Speculation;
import dev.vacant.command.tuple.runner.LaneRunner;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import dev.vacant.kernel.lane.ContextCompression;
import dev.vacant.kernel.tuple.TupleIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The execution lanes from {@link LanePolicyProperties}. Providers are {@link ProviderPort} beans (the first
 * is primary, a second one races it for idempotent tasks); without any, provider-bound tasks fail
 * {@link ProviderException#notConfigured not configured}. Local executors are {@link LocalExecutor} beans
 * named after their yool; the yools of {@link SmallTaskBatcher.BatchExecutor} beans (named after their yool) are
 * small tasks, run {@code batch-small-task-size} at a time. The {@link LaneRunner} feeds the tuples of
 * {@code vacant.lanes.execution-lanes} to them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LaneRunnerProperties.class)
public class ExecutionLaneConfiguration {

    @Bean
    ReceiptCache receiptCache(LanePolicyProperties policy) {
        return new ReceiptCache(policy.cacheMaxEntries(), policy.cacheTtl(), Ticker.systemTicker());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService laneRetryScheduler() {
        return Executors.newSingleThreadScheduledExecutor(daemon("lane-retry"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService laneSpeculationThreads() {
        return Executors.newCachedThreadPool(daemon("lane-speculation"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService laneExecutionThreads() {
        return Executors.newCachedThreadPool(daemon("lane-execution"));
    }

    @Bean
    ProviderGuard providerGuard(LanePolicyProperties policy, Clock clock, ScheduledExecutorService laneRetryScheduler) {
        return new ProviderGuard(new ProviderGuard.Policy(policy.apiMaxRetries(), policy.retryBase(),
                policy.retryMax(), policy.retryJitter(), policy.circuitFailureThreshold(), policy.circuitCooldown()),
                clock, laneRetryScheduler);
    }

    /** The lanes' providers (also the task loop's): the first bean is primary, a second one speculative. */
    @Bean
    ExecutionLane.Providers laneProviders(ObjectProvider<ProviderPort> providerBeans) {
        ProviderPort primary = providerBeans.orderedStream().findFirst().orElseGet(UnconfiguredProvider::new);
        ProviderPort speculative = providerBeans.orderedStream().skip(1).findFirst().orElse(primary);
        return new ExecutionLane.Providers(primary, speculative);
    }

    @Bean
    ExecutionLanes executionLanes(LanePolicyProperties policy, ReceiptCache cache, ProviderGuard guard,
                                  ExecutorService laneSpeculationThreads, ExecutorService laneExecutionThreads,
                                  ExecutionLane.Providers providers,
                                  Map<String, LocalExecutor> locals,
                                  Map<String, SmallTaskBatcher.BatchExecutor> batchExecutors,
                                  MeterRegistry registry) {
        ContextCompression compression = new ContextCompression(policy.contextCompressionChars());
        Speculation speculation = new Speculation(laneSpeculationThreads);
        ConcurrencyPolicy concurrency = new ConcurrencyPolicy(policy.laneConcurrency(), policy.maxLaneConcurrency());
        return new ExecutionLanes(lane -> new ExecutionLane(locals,
                batchers(batchExecutors, policy.batchSmallTaskSize(), laneExecutionThreads), compression, cache, guard,
                providers, speculation, LaneMeters.bind(lane, new LaneMetrics(concurrency), registry), laneExecutionThreads,
                System::nanoTime), guard, cache);
    }

    /** One batcher per yool with a batch executor (each lane has its own, so a batch never mixes lanes). */
    private static Map<String, SmallTaskBatcher> batchers(Map<String, SmallTaskBatcher.BatchExecutor> executors,
                                                          int batchSize, Executor drainer) {
        Map<String, SmallTaskBatcher> batchers = new HashMap<>();
        executors.forEach((yool, executor) -> batchers.put(yool, new SmallTaskBatcher(batchSize, executor, drainer)));
        return batchers;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService laneRunnerThreads() {
        return Executors.newCachedThreadPool(daemon("lane-runner"));
    }

    @Bean
    LaneRunnerLifecycle laneRunner(LaneRunnerProperties properties, ExecutionLanes executionLanes,
                                   TupleGateway gateway, TupleIds ids, ExecutorService laneRunnerThreads,
                                   JdbcTemplate jdbc, Clock clock) {
        return new LaneRunnerLifecycle(new LaneRunner(properties.executionLanes(), executionLanes, gateway,
                () -> ids.next().toString(), LaneBacklog.waitingTuples(jdbc, clock), properties.runnerPollTimeout(),
                properties.runnerStopTimeout(), laneRunnerThreads));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stands in when no provider bean exists: every provider-bound task fails, not transiently. */
    private static final class UnconfiguredProvider implements ProviderPort {

        @Override
        public String name() {
            return "none";
        }

        @Override
        public JsonNode call(String yool, JsonNode data) {
            throw ProviderException.notConfigured(yool);
        }
    }
}
