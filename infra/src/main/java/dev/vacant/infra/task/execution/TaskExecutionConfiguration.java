package dev.vacant.infra.task.execution;

import dev.vacant.command.task.Task;
import dev.vacant.command.task.TaskContext;
import dev.vacant.command.task.TaskControl;
import dev.vacant.command.task.TaskExecutionHandlers;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantContext;
import dev.vacant.infra.task.TaskProperties;
import dev.vacant.infra.timer.TimerPolling;
import dev.vacant.command.tuple.lane.ExecutionLane;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.task.QualityGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task loop's execution ({@code docs/tasks.md}, Execution): the worker's command handlers always; with
 * {@code vacant.tasks.execution.enabled} (default true) the dispatcher that puts queued tasks on the lane, the
 * worker (the lane's local executor of {@value TaskTuples#YOOL}) and the sweeper.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskExecutionProperties.class)
public class TaskExecutionConfiguration {

    @Bean
    TaskExecutionHandlers taskExecutionHandlers(Repository<Task> taskRepository, Repository<Vacant> vacantRepository,
                                                Repository<TaskControl> taskControlRepository, EventStore eventStore,
                                                TaskContext ctx, VacantContext vacantContext) {
        return new TaskExecutionHandlers(taskRepository, vacantRepository, taskControlRepository, eventStore, ctx,
                vacantContext);
    }

    /** The worker, registered under its yool: the execution lanes pick up local executors by bean name. */
    @Bean(TaskTuples.YOOL)
    @ConditionalOnProperty(prefix = "vacant.tasks.execution", name = "enabled", matchIfMissing = true)
    LocalExecutor taskWorker(CommandSender commands, TaskContext ctx, TaskProperties tasks,
                             TaskExecutionProperties execution, ProviderGuard providerGuard,
                             ExecutionLane.Providers laneProviders, ExecutorService taskCommandOutputReaders,
                             MeterRegistry meterRegistry, @Value("${vacant.instance-id:}") String instanceId) {
        LlmCalls llm = new LlmCalls(providerGuard, laneProviders.primary(), execution.priceTable());
        Path directory = Path.of(execution.workingDirectory() == null ? System.getProperty("java.io.tmpdir")
                : execution.workingDirectory());
        LocalCommandRunner local = new LocalCommandRunner(tasks.gate(), directory, execution.commandTimeout(),
                execution.outputCapBytes(), taskCommandOutputReaders);
        TaskReviewer reviewer = new TaskReviewer(QualityGate.DEFAULT, execution.criticEnabled() ? llm : null,
                execution.rubric());
        String worker = instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
        return new TaskWorker(commands, new TaskExecution(ctx.skills(), local, llm), reviewer, worker,
                execution.lease(), meterRegistry);
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "vacant.tasks.execution", name = "enabled", matchIfMissing = true)
    ExecutorService taskCommandOutputReaders() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "task-command-output");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @ConditionalOnProperty(prefix = "vacant.tasks.execution", name = "enabled", matchIfMissing = true)
    TaskDispatcher taskDispatcher(TupleGateway gateway, TaskExecutionProperties execution) {
        return new TaskDispatcher(gateway, execution.lane());
    }

    @Bean
    @ConditionalOnProperty(prefix = "vacant.tasks.execution", name = "enabled", matchIfMissing = true)
    TaskSweeper taskSweeper(JdbcTemplate jdbc, CommandSender commands, TupleGateway gateway, EventStore eventStore,
                            Clock clock, TaskExecutionProperties execution) {
        return new TaskSweeper(jdbc, commands, gateway, eventStore, clock, execution.lane(), execution.lease(),
                execution.sweepInterval());
    }

    @Bean
    @ConditionalOnProperty(prefix = "vacant.tasks.execution", name = {"enabled", "sweeping"}, matchIfMissing = true)
    TimerPolling taskSweeping(TaskSweeper sweeper, TaskExecutionProperties execution) {
        return new TimerPolling(sweeper::sweep, "vacant-task-sweeper-", execution.sweepInterval());
    }
}
