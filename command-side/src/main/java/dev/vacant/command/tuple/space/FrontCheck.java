package dev.vacant.command.tuple.space;

import dev.vacant.kernel.tuple.TupleOp;

/**
 * What a front decides about an op before the op travels to its lane's worker, so that an op refused there leaves no
 * record on the way. The worker still decides again when the op's turn comes (its lane's state may have changed
 * meanwhile, a wall hooked by an op queued before it, say).
 */
@FunctionalInterface
public interface FrontCheck {

    /** Nothing is checked ahead: the transport keeps nothing of a refused op anyway (in-process lanes). */
    FrontCheck NONE = op -> {
    };

    /** Throws the op's rejection, if the front can already tell it. */
    void check(TupleOp op);

    /**
     * The hookwall rule ({@link LaneAccess}) on the walls and composite trees as committed now: a guarded op on a
     * lane that does not admit its authority is refused with {@code WALL_DENIED}.
     */
    static FrontCheck walls(TupleStore store, CompositeTrees trees) {
        return op -> {
            if (op instanceof TupleOp.Guarded guarded) {
                new LaneAccess(guarded.authority(), store, trees).require(guarded.lane());
            }
        };
    }
}
