package dev.vacant.command.composite;

import static dev.vacant.command.composite.ChildStanding.GRADUATED;
import static dev.vacant.command.composite.ChildStanding.INSIDE;
import static dev.vacant.command.composite.ChildStanding.UNREGISTERED;

import dev.vacant.kernel.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The composite's own table as data: for each act and standing of the child, its next standing, or the code that
 * refuses it. Registering needs an unregistered vacant (else {@code CONFLICT}); graduating one inside the tree;
 * delegating needs a child inside the tree (a graduated child has left it: its lanes, inside the parent's wall, are
 * closed to it); a completion and an outbound check need a registered child (a delegation made before the graduation
 * may still come back; a graduated child's calls are still checked by its composite). Any other vacant is
 * {@code NOT_FOUND}.
 */
public final class ChildStandingTable {

    /** One cell: the next standing when allowed, else the refusal's code. */
    public record Cell(CompositeAct act, ChildStanding from, ChildStanding next, ErrorCode refusal) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    private static final Map<CompositeAct, Map<ChildStanding, Cell>> CELLS = new EnumMap<>(CompositeAct.class);

    static {
        cell(CompositeAct.REGISTER_CHILD, UNREGISTERED, INSIDE, null);
        cell(CompositeAct.REGISTER_CHILD, INSIDE, null, ErrorCode.CONFLICT);
        cell(CompositeAct.REGISTER_CHILD, GRADUATED, null, ErrorCode.CONFLICT);
        cell(CompositeAct.DELEGATE, UNREGISTERED, null, ErrorCode.NOT_FOUND);
        cell(CompositeAct.DELEGATE, INSIDE, INSIDE, null);
        cell(CompositeAct.DELEGATE, GRADUATED, null, ErrorCode.INVALID_TRANSITION);
        cell(CompositeAct.COMPLETE, UNREGISTERED, null, ErrorCode.NOT_FOUND);
        cell(CompositeAct.COMPLETE, INSIDE, INSIDE, null);
        cell(CompositeAct.COMPLETE, GRADUATED, GRADUATED, null);
        cell(CompositeAct.OUTBOUND_CHECK, UNREGISTERED, null, ErrorCode.NOT_FOUND);
        cell(CompositeAct.OUTBOUND_CHECK, INSIDE, INSIDE, null);
        cell(CompositeAct.OUTBOUND_CHECK, GRADUATED, GRADUATED, null);
        cell(CompositeAct.GRADUATE, UNREGISTERED, null, ErrorCode.NOT_FOUND);
        cell(CompositeAct.GRADUATE, INSIDE, GRADUATED, null);
        cell(CompositeAct.GRADUATE, GRADUATED, null, ErrorCode.INVALID_TRANSITION);
    }

    private ChildStandingTable() {
    }

    private static void cell(CompositeAct act, ChildStanding from, ChildStanding next, ErrorCode refusal) {
        CELLS.computeIfAbsent(act, a -> new EnumMap<>(ChildStanding.class)).put(from, new Cell(act, from, next, refusal));
    }

    /** The cell of {@code act} for a child standing {@code from}. */
    public static Cell cell(CompositeAct act, ChildStanding from) {
        return CELLS.get(act).get(from);
    }

    /** All 15 cells, in act then standing declaration order. */
    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (CompositeAct act : CompositeAct.values()) {
            for (ChildStanding from : ChildStanding.values()) {
                cells.add(cell(act, from));
            }
        }
        return Collections.unmodifiableList(cells);
    }
}
