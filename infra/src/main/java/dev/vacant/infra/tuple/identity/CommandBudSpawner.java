package dev.vacant.infra.tuple.identity;

import dev.vacant.command.vacant.SpawnResult;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.command.tuple.space.BudSpawner;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.tuple.Authority;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spawns buds through the command gateway, as {@code POST /vacants/{id}/spawn} with path D2 does: the bud keeps the
 * parent's whole tool whitelist and starts LOCAL, registered in the parent's composite. The command runs as the
 * parent's controller (the front already checked that the caller controls the parent), outside the lane worker's
 * transaction (suspended meanwhile), so Axon's unit of work commits the spawn in a transaction of its own.
 */
public class CommandBudSpawner implements BudSpawner {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate outsideTransactions;

    public CommandBudSpawner(CommandGateway commands, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactions);
        outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public VacantId spawnBud(Authority parent, String spawnKey) {
        String controller = jdbc.queryForObject("select controller from vacant_registry where vacant_id = ?",
                String.class, parent.vacant().value());
        SpawnVacantCommand spawn = new SpawnVacantCommand(parent.vacant().value(), new Actor(controller, Role.CONTROLLER),
                new SpawnRequest.SubagentBud(parent.tools().stream().sorted().toList()), null, spawnKey);
        SpawnResult spawned = outsideTransactions.execute(status -> commands.sendAndWait(spawn));
        return VacantId.parse(spawned.child().id());
    }
}
