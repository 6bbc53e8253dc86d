package dev.vacant.infra.task;

import dev.vacant.command.task.Task;
import dev.vacant.command.task.TaskCommandHandlers;
import dev.vacant.command.task.TaskContext;
import dev.vacant.command.task.TaskControl;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.NodeKeyCustody;
import dev.vacant.kernel.task.PreflightGate;
import dev.vacant.kernel.task.RequeueBound;
import dev.vacant.kernel.task.SpendingLimit;
import dev.vacant.kernel.task.skill.BuiltInSkills;
import dev.vacant.kernel.task.skill.SkillRegistry;
import dev.vacant.query.task.TaskProjection;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the Task command side: the node key in custody (it also signs checkpoints), custody for assignees, the clock, the requeue bound, the gate, submission; and the tasks read model's processor. */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {

    /** Events a tasks processor batch takes at most. */
    static final int TASKS_BATCH_SIZE = 100;

    /**
     * How long the tasks processor waits for an event it handles before storing the token past the events it
     * ignored. The processor ignores every vacant's events; with Axon's second its stored token stood up to a second
     * behind the store's head after a burst of them (the token a restarted or another instance resumes from, and
     * what the command bench's catch-up reads), at the price of one claim extension per wait while idle (five a
     * second, not one).
     */
    static final long TASKS_IDLE_WAIT_MILLIS = 200;

    /**
     * The tasks read model's own tracking processor ({@code docs/tasks.md}): one thread, batches of
     * {@value #TASKS_BATCH_SIZE}, its token stored after {@value #TASKS_IDLE_WAIT_MILLIS} ms without an event it
     * handles. Registered here, not in {@code application.yml}: Axon's Spring properties have no setting for that wait.
     */
    @Bean
    ConfigurerModule tasksProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                TaskProjection.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(TASKS_BATCH_SIZE)
                        .andEventAvailabilityTimeout(TASKS_IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS)));
    }

    @Bean
    TaskContext taskContext(NodeKeyCustody node, KeyCustody custody, Clock clock, TaskProperties properties) {
        return new TaskContext(node, custody, clock, new RequeueBound(properties.maxAttempts()),
                new PreflightGate(properties.gate()), new SpendingLimit(properties.spendingLimitMicros()),
                new SkillRegistry(BuiltInSkills.all(), properties.routingThresholdMilli()));
    }

    @Bean
    TaskCommandHandlers taskCommandHandlers(Repository<Task> taskRepository, Repository<TaskControl> taskControlRepository,
                                            EventStore eventStore, JdbcTemplate jdbc, TaskContext ctx) {
        return new TaskCommandHandlers(taskRepository, taskControlRepository, eventStore,
                new JdbcCommittedBudgets(jdbc), ctx);
    }
}
