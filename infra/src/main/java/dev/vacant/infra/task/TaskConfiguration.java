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
import dev.vacant.infra.projection.TrackingProcessors;
import dev.vacant.kernel.task.skill.SkillRegistry;
import dev.vacant.query.task.TaskProjection;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
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
     * The tasks read model's own tracking processor ({@code docs/tasks.md}): batches of {@value #TASKS_BATCH_SIZE},
     * otherwise {@link TrackingProcessors}' settings; it ignores every vacant's events.
     */
    @Bean
    ConfigurerModule tasksProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                TaskProjection.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                axon -> TrackingProcessors.singleThreaded(TASKS_BATCH_SIZE)));
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
