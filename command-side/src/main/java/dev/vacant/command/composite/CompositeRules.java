package dev.vacant.command.composite;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import java.util.Map;

/**
 * Validates a composite command before anything is written, in this order: the parent's cell of the vacant transition
 * table, the child's standing in the composite ({@link ChildStandingTable}), the child's cell of the transition table
 * ({@link CompositeAct}). Each refusal is a {@link VacantException} naming the act and the state or standing.
 */
public final class CompositeRules {

    private static final Map<ChildStanding, String> PHRASES = Map.of(
            ChildStanding.UNREGISTERED, "not a child of this composite",
            ChildStanding.INSIDE, "already registered in this composite",
            ChildStanding.GRADUATED, "graduated from this composite");

    private CompositeRules() {
    }

    /**
     * The child's next standing after {@code act}; refuses with {@code INVALID_TRANSITION} for a state whose cell is
     * invalid, or the standing table's code.
     *
     * @param parent   the parent's state
     * @param child    the child's state (checked only once the standing allows the act)
     * @param childId  the child, named in a refusal
     * @param standing where the child stands in the composite
     */
    public static ChildStanding require(CompositeAct act, LifecycleState parent, LifecycleState child,
                                        String childId, ChildStanding standing) {
        requireCell(act, "parent", parent, act.parentCell());
        ChildStandingTable.Cell cell = ChildStandingTable.cell(act, standing);
        if (!cell.allowed()) {
            throw new VacantException(cell.refusal(), childId + " is " + PHRASES.get(standing) + " (" + act + ")",
                    Map.of("act", act.name(), "standing", standing.name()));
        }
        requireCell(act, "child", child, act.childCell());
        return cell.next();
    }

    private static void requireCell(CompositeAct act, String side, LifecycleState state, LifecycleEvent event) {
        if (event != null && state != null && TransitionTable.next(state, event).isEmpty()) {
            throw new VacantException(ErrorCode.INVALID_TRANSITION, "a " + state + " " + side + " cannot take " + act,
                    Map.of("state", state.name(), "event", event.name(), "act", act.name()));
        }
    }
}
