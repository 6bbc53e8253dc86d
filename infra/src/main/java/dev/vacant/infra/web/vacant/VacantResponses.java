package dev.vacant.infra.web.vacant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.vacant.SpawnResult;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.SpawnPath;

/** Response bodies of the vacant command endpoints. */
public final class VacantResponses {

    private VacantResponses() {
    }

    /**
     * The head of a logbook after a command, and the entry's global index in the event store: a client asks
     * {@code GET /checkpoints/first-including?position=} for the first checkpoint that includes it and
     * {@code GET /proofs/inclusion} for its inclusion proof.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LogbookHead(long seq, String hash, long globalIndex) {
    }

    /**
     * A vacant after a command: its id, state and logbook head, and the event position a query can pass
     * ({@code ?position=}) to read its own write.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VacantState(String id, LifecycleState state, LogbookHead logbookHead, long position) {
        public static VacantState of(VacantCommandResult result, long position, ProjectionPositions positions) {
            return new VacantState(result.id(), result.state(), new LogbookHead(result.seq(), result.hash(),
                    positions.globalIndexOf(result.id(), result.seq())), position);
        }

        /**
         * A vacant after a command that wrote to its own logbook only: the position to read the write at is its new
         * head entry's global index (one lookup, no query of the store's head).
         */
        public static VacantState of(VacantCommandResult result, ProjectionPositions positions) {
            long index = positions.globalIndexOf(result.id(), result.seq());
            return new VacantState(result.id(), result.state(), new LogbookHead(result.seq(), result.hash(), index), index);
        }
    }

    /** A spawn: the path, the child's id, and both vacants after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spawned(SpawnPath path, String childId, VacantState child, VacantState parent, long position) {
        /** A spawn writes to the parent's and the child's logbooks: its position is the later of their heads. */
        static Spawned of(SpawnResult result, ProjectionPositions positions) {
            VacantState child = VacantState.of(result.child(), positions);
            VacantState parent = VacantState.of(result.parent(), positions);
            return new Spawned(result.path(), child.id(), child, parent, Math.max(child.position(), parent.position()));
        }
    }
}
