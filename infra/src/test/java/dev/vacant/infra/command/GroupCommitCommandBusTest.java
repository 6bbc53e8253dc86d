package dev.vacant.infra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The group commit bus on real PostgreSQL: commands queued together commit in one transaction and their callers
 * hear of it only afterwards; a failing command rolls its group back and every command of the group runs again
 * alone, so the failure writes nothing and the others still succeed once. A command that meets a write conflict
 * (another node appended first) runs again alone, a bounded number of times; past them its caller hears
 * {@code CONFLICT}.
 */
@RealPostgres
class GroupCommitCommandBusTest {

    private JdbcTemplate jdbc;
    private static final int CONFLICT_RETRIES = 3;

    private GroupCommitCommandBus bus;
    private final List<Boolean> visibleToOthersOnResult = new ArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp(PostgresDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(),
                database.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists group_commit_probe");
        jdbc.execute("create table group_commit_probe (name text primary key)");
        bus = new GroupCommitCommandBus(SimpleCommandBus.builder(),
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                command -> "one lane", 1, 64, CONFLICT_RETRIES);
        bus.subscribe(String.class.getName(), message -> {
            String name = (String) message.getPayload();
            jdbc.update("insert into group_commit_probe (name) values (?)", name);
            if (name.startsWith("bad")) {
                throw new IllegalArgumentException("rejected " + name);
            }
            if (name.startsWith("conflict") && attempts.merge(name, 1, Integer::sum) <= conflictsOf(name)) {
                throw new ConcurrencyException("another node appended first");
            }
            if (name.startsWith("deadlock") && attempts.merge(name, 1, Integer::sum) <= conflictsOf(name)) {
                throw new DeadlockException("another lane holds a lock this command waits for, and waits for ours");
            }
            return name.toUpperCase();
        });
    }

    @AfterEach
    void tearDown() {
        bus.shutdown();
        jdbc.execute("drop table group_commit_probe");
    }

    @Test
    void commandsQueuedTogether_commitAsOneGroup_andAnswerAfterTheCommit() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> results = dispatchAll("a", "b", "c");
        bus.start();

        assertThat(payloads(results)).containsExactly("A", "B", "C");
        assertThat(rows()).containsExactly("a", "b", "c");
        assertThat(bus.groupsCommitted()).isEqualTo(1);
        assertThat(bus.groupsRetriedAlone()).isZero();
        assertThat(visibleToOthersOnResult).containsExactly(true, true, true);
    }

    @Test
    void aFailingCommand_writesNothing_andTheOthersOfItsGroupStillSucceedOnce() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> results = dispatchAll("a", "bad", "c");
        bus.start();

        CommandResultMessage<?> rejected = results.get(1).get(10, TimeUnit.SECONDS);
        assertThat(rejected.isExceptional()).isTrue();
        assertThat(rejected.exceptionResult()).isInstanceOf(IllegalArgumentException.class).hasMessage("rejected bad");
        assertThat(payloads(List.of(results.get(0), results.get(2)))).containsExactly("A", "C");
        assertThat(rows()).containsExactly("a", "c");
        assertThat(bus.groupsCommitted()).isZero();
        assertThat(bus.groupsRetriedAlone()).isEqualTo(1);
    }

    /** A write conflict (another node appended first) and a lock cycle with another dispatcher are retried alike. */
    @ParameterizedTest
    @ValueSource(strings = {"conflict-2", "deadlock-2"})
    void aCommandMeetingWriteConflictsOrALockCycle_runsAgainAlone_untilItCommits(String name) throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> results = dispatchAll("a", name, "c");
        bus.start();

        assertThat(payloads(results)).containsExactly("A", name.toUpperCase(), "C");
        assertThat(rows()).containsExactly("a", "c", name);
        assertThat(attempts).as("in the group, alone, and once more").containsEntry(name, 3);
        assertThat(bus.conflictsRetried()).isEqualTo(1);
    }

    @Test
    void aCommandStillConflictingAfterItsRetries_isAnsweredWithTheConflict_andWritesNothing() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> results = dispatchAll("conflict-9");
        bus.start();

        CommandResultMessage<?> conflicted = results.get(0).get(10, TimeUnit.SECONDS);
        assertThat(conflicted.isExceptional()).isTrue();
        assertThat(conflicted.exceptionResult()).isInstanceOf(ConcurrencyException.class);
        assertThat(rows()).isEmpty();
        assertThat(attempts).containsEntry("conflict-9", 1 + CONFLICT_RETRIES);
        assertThat(bus.conflictsRetried()).isEqualTo(CONFLICT_RETRIES);
    }

    @Test
    void aConflictPastTheRetries_reachesAnHttpCallerAsConflict_neverAsAServerError() {
        bus.start();
        CommandSender sender = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build());

        assertThatThrownBy(() -> sender.send("conflict-9")).isInstanceOfSatisfying(VacantException.class,
                rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(rows()).isEmpty();
    }

    @Test
    void afterShutdown_commandsRunOnTheCallersThread() throws Exception {
        bus.start();
        bus.shutdown();

        assertThat(payloads(dispatchAll("late"))).containsExactly("LATE");
        assertThat(rows()).containsExactly("late");
    }

    private List<CompletableFuture<CommandResultMessage<?>>> dispatchAll(String... names) {
        List<CompletableFuture<CommandResultMessage<?>>> results = new ArrayList<>();
        for (String name : names) {
            CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
            CommandMessage<String> command = GenericCommandMessage.asCommandMessage(name);
            bus.dispatch(command, (message, outcome) -> {
                synchronized (visibleToOthersOnResult) {
                    visibleToOthersOnResult.add(rows().contains(name));
                }
                result.complete(outcome);
            });
            results.add(result);
        }
        return results;
    }

    private static List<Object> payloads(List<CompletableFuture<CommandResultMessage<?>>> results) throws Exception {
        List<Object> payloads = new ArrayList<>();
        for (CompletableFuture<CommandResultMessage<?>> result : results) {
            CommandResultMessage<?> message = result.get(10, TimeUnit.SECONDS);
            assertThat(message.isExceptional()).as("%s", message).isFalse();
            payloads.add(message.getPayload());
        }
        return payloads;
    }

    /** How many times the probe command {@code conflict-N} fails with a write conflict: N. */
    private static int conflictsOf(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private List<String> rows() {
        return jdbc.queryForList("select name from group_commit_probe order by name", String.class);
    }
}
