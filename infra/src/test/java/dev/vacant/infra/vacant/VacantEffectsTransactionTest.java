package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The timer and key destruction that follow applied entries run in the command's own transaction on the real
 * database: when that transaction rolls back after they ran (refused after the rows it held back were written), no
 * timer row is left and the key is intact (the vacant still signs its archiving afterwards).
 */
class VacantEffectsTransactionTest extends VacantApiTestBase {

    private static final Actor OPERATOR = new Actor("ops", Role.OPERATOR);

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionManager transactions;
    @Autowired
    KeyCustody custody;

    @Test
    void aTransactionRolledBackAfterTheEffectsRan_leavesNoTimerRowAndTheKeyIntact() {
        String sunk = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        for (Duration step : List.of(Duration.ofHours(2), Duration.ofDays(8), Duration.ofDays(31))) {
            clock.advance(step);
            commands.sendAndWait(new FireVacantTimerCommand(sunk));
        }
        clock.advance(Duration.ofDays(91));
        long events = storedEvents();
        AtomicReference<String> born = new AtomicReference<>();

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        commands.sendAndWait(new ArchiveVacantCommand(sunk, OPERATOR));
        VacantCommandResult genesis = commands.sendAndWait(new CreateGenesisCommand(OPERATOR, alice, LifecycleState.ACTIVE,
                new BehaviorBundle("You are careful.", "allow: read", List.of("read")),
                new SubstrateSpec("openai", "gpt-x", "gpt", Json.object().put("max_tokens", 256))));
        unitOfWork.onPrepareCommit(u -> {
            born.set(genesis.id());
            assertThat(custody.holds(VacantId.parse(sunk))).isFalse();
            // refused at the last moment: after the rows the transaction held back were written
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    assertThat(timerRows(genesis.id())).as("the effects ran in this transaction").isOne();
                    throw new IllegalStateException("this transaction is refused after its effects ran");
                }
            });
        });
        assertThatThrownBy(unitOfWork::commit).hasMessageContaining("refused after its effects ran");

        assertThat(born.get()).isNotNull();
        assertThat(timerRows(born.get())).isZero();
        assertThat(custody.holds(VacantId.parse(sunk))).isTrue();
        assertThat(storedEvents()).isEqualTo(events);
        VacantCommandResult archived = commands.sendAndWait(new ArchiveVacantCommand(sunk, OPERATOR));
        assertThat(archived.state()).isEqualTo(LifecycleState.ARCHIVED);
        assertThat(custody.holds(VacantId.parse(sunk))).isFalse();
    }

    private long timerRows(String vacant) {
        return jdbc.queryForObject("select count(*) from vacant_timer where vacant_id = ?", Long.class, vacant);
    }
}
