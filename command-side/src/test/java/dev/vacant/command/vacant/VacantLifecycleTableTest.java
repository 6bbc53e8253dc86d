package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveReviewCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.command.vacant.VacantCommands.ReviveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.vacant.LogbookKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the transition table, driven through the Vacant aggregate: given a real history that ends in
 * the row's state, when the column's command arrives, then a valid cell appends exactly one entry and lands in
 * its next state, and an invalid one fails with {@code INVALID_TRANSITION} and appends nothing.
 */
class VacantLifecycleTableTest {

    static Stream<Arguments> cells() {
        return Stream.of(LifecycleState.values())
                .flatMap(state -> Stream.of(LifecycleEvent.values()).map(event -> Arguments.of(state, event)));
    }

    private static Object commandFor(LifecycleEvent event, String id) {
        return switch (event) {
            case HEARTBEAT -> new RecordHeartbeatCommand(id, ALICE, null);
            case CALL_RECEIVED -> new ReceiveCallCommand(id, ALICE, null);
            case REVIVE_REQUESTED -> new ReviveVacantCommand(id, ALICE);
            case ARCHIVE_REQUESTED -> new ArchiveVacantCommand(id, OPERATOR);
            case DORMANCY_ELAPSED -> new FireVacantTimerCommand(id);
            case REVIEW_RECEIVED, SPAWN_REQUESTED -> throw new IllegalArgumentException("multi-aggregate: " + event);
        };
    }

    private static Matcher<List<org.axonframework.messaging.Message<?>>> oneEntry(LogbookKind kind) {
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(
                Matchers.predicate(payload -> payload instanceof VacantEvent e && e.kind() == kind), Matchers.andNoMore()));
    }

    private static LogbookKind kindOf(LifecycleEvent event, LifecycleState state) {
        return switch (event) {
            case HEARTBEAT -> state == LifecycleState.SUNK ? LogbookKind.HEARTBEAT_SUNK : LogbookKind.HEARTBEAT;
            case REVIVE_REQUESTED -> LogbookKind.REVIVED;
            case ARCHIVE_REQUESTED -> LogbookKind.ARCHIVED;
            default -> LogbookKind.valueOf(event.name());
        };
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void cell_appendsOneEntryOrRejects_asTheTableSays(LifecycleState state, LifecycleEvent event) {
        if (event == LifecycleEvent.REVIEW_RECEIVED || event == LifecycleEvent.SPAWN_REQUESTED) {
            multiAggregateCell(state, event);
            return;
        }
        try (VacantWorld world = new VacantWorld()) {
            String id = world.vacantIn(state);
            if (event == LifecycleEvent.DORMANCY_ELAPSED || event == LifecycleEvent.ARCHIVE_REQUESTED) {
                world.clock.advance(java.time.Duration.ofDays(91));
            }
            AggregateTestFixture<Vacant> fixture = new AggregateTestFixture<>(Vacant.class);
            fixture.registerInjectableResource(world.ctx);
            var then = fixture.given(world.history(id)).when(commandFor(event, id));
            Optional<LifecycleState> next = TransitionTable.next(state, event);
            if (event == LifecycleEvent.DORMANCY_ELAPSED && state == LifecycleState.SUNK) {
                then.expectEventsMatching(oneEntry(LogbookKind.HEARTBEAT_SUNK));
            } else if (event == LifecycleEvent.DORMANCY_ELAPSED && next.isEmpty()) {
                then.expectSuccessfulHandlerExecution().expectNoEvents();
            } else if (next.isPresent()) {
                then.expectEventsMatching(oneEntry(kindOf(event, state)))
                        .expectResultMessagePayloadMatching(Matchers.predicate(
                                r -> ((VacantCommandResult) r).state() == next.get()));
            } else {
                then.expectNoEvents().expectException(Matchers.predicate(
                        e -> e instanceof VacantException v && v.code() == ErrorCode.INVALID_TRANSITION));
            }
        }
    }

    /** REVIEW_RECEIVED and SPAWN_REQUESTED need a second vacant (the reviewer, the child). */
    private void multiAggregateCell(LifecycleState state, LifecycleEvent event) {
        try (VacantWorld world = new VacantWorld()) {
            String id = world.vacantIn(state);
            String reviewer = world.genesis("alice", LifecycleState.ACTIVE).id();
            int before = world.logbook(id).size();
            Object command = event == LifecycleEvent.REVIEW_RECEIVED
                    ? new ReceiveReviewCommand(id, ALICE, VacantId.parse(reviewer), "APPROVED", 90, null)
                    : new SpawnVacantCommand(id, ALICE, new SpawnRequest.CloneWithMutation("be brief"), null);
            Optional<LifecycleState> next = TransitionTable.next(state, event);
            if (next.isPresent()) {
                world.send(command);
                assertThat(world.logbook(id)).hasSize(before + 1);
                assertThat(world.logbook(id).get(before).kind())
                        .isEqualTo(event == LifecycleEvent.SPAWN_REQUESTED ? "SPAWN" : "REVIEW_RECEIVED");
            } else {
                assertThatThrownBy(() -> world.send(command)).isInstanceOfSatisfying(VacantException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
                assertThat(world.logbook(id)).hasSize(before);
            }
        }
    }
}
