package dev.vacant.infra.web.vacant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.vacant.SpawnResult;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.SpawnPath;

/** Response bodies of the vacant command endpoints. */
public final class VacantResponses {

    private VacantResponses() {
    }

    /** The head of a logbook after a command. */
    public record LogbookHead(long seq, String hash) {
    }

    /**
     * A vacant after a command: its id, state and logbook head, and the event position a query can pass
     * ({@code ?position=}) to read its own write.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VacantState(String id, LifecycleState state, LogbookHead logbookHead, long position) {
        public static VacantState of(VacantCommandResult result, long position) {
            return new VacantState(result.id(), result.state(), new LogbookHead(result.seq(), result.hash()), position);
        }
    }

    /** A spawn: the path, the child's id, and both vacants after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spawned(SpawnPath path, String childId, VacantState child, VacantState parent, long position) {
        static Spawned of(SpawnResult result, long position) {
            return new Spawned(result.path(), result.child().id(), VacantState.of(result.child(), position),
                    VacantState.of(result.parent(), position), position);
        }
    }
}
