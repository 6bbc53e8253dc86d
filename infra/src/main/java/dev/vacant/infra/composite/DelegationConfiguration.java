package dev.vacant.infra.composite;

import dev.vacant.infra.tuple.LaneRunnerProperties;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.tuple.TupleIds;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegation through lanes: the delivery of recorded plans and the children's in-process runners. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DelegationProperties.class)
public class DelegationConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService delegationThreads() {
        return Executors.newCachedThreadPool(daemon("delegation"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService childRunnerThreads() {
        return Executors.newCachedThreadPool(daemon("child-runner"));
    }

    @Bean
    DelegationDelivery delegationDelivery(TupleGateway gateway, CommandSender commands,
                                          ExecutorService delegationThreads) {
        return new DelegationDelivery(gateway, commands, delegationThreads);
    }

    @Bean
    ChildRunners childRunners(ExecutionLanes executionLanes, TupleGateway gateway, TupleIds ids,
                              LaneRunnerProperties runner, ExecutorService childRunnerThreads) {
        return new ChildRunners(executionLanes, gateway, () -> ids.next().toString(), runner.runnerPollTimeout(),
                runner.runnerStopTimeout(), childRunnerThreads);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
