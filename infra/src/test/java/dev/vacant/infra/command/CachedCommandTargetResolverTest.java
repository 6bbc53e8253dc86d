package dev.vacant.infra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

/** {@link CachedCommandTargetResolver} resolves what Axon's {@link AnnotationCommandTargetResolver} resolves. */
class CachedCommandTargetResolverTest {

    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();

    record OnComponent(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class OnMethod {
        private final String field = "from the field";

        @TargetAggregateIdentifier
        String target() {
            return "from the method";
        }

        @TargetAggregateVersion
        String version() {
            return "7";
        }
    }

    static final class OnField {
        @TargetAggregateIdentifier
        private final Object id = 42;
        @TargetAggregateVersion
        private final Integer version = 3;
    }

    record Unmarked(String id) {
    }

    record NullTarget(@TargetAggregateIdentifier String id) {
    }

    record BadVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    record Throwing(String id) {
        @TargetAggregateIdentifier
        public String target() {
            throw new IllegalStateException("no target");
        }
    }

    private static CommandMessage<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    @Test
    void resolvesTheSameTargetsAsAxon_fromComponentsMethodsAndFields_twiceEach() {
        List<Object> payloads = List.of(new OnComponent("vac_1", 5L), new OnComponent("vac_2", null), new OnMethod(),
                new OnField(), new TakeTaskCommand("task_1", "worker", Duration.ofSeconds(30)));
        for (int round = 0; round < 2; round++) {
            for (Object payload : payloads) {
                assertThat(cached.resolveTarget(command(payload))).isEqualTo(axon.resolveTarget(command(payload)));
            }
        }
        assertThat(cached.resolveTarget(command(new OnMethod())).getIdentifier()).isEqualTo("from the method");
        assertThat(cached.resolveTarget(command(new OnField())).getVersion()).isEqualTo(3L);
    }

    @Test
    void refusesWhatAxonRefuses_withAxonsMessages() {
        for (Object payload : List.of(new Unmarked("x"), new NullTarget(null), new BadVersion("x", "seven"),
                new Throwing("x"))) {
            Throwable expected = catchOf(() -> axon.resolveTarget(command(payload)));

            assertThatThrownBy(() -> cached.resolveTarget(command(payload)))
                    .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
    }

    private static Throwable catchOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("Axon's resolver accepted the command");
    }
}
