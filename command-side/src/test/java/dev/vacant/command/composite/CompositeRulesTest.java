package dev.vacant.command.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.composite.ChildStandingTable.Cell;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The composite's child-standing table cell by cell, and its acts against the vacant transition table's cells. */
class CompositeRulesTest {

    private static final String CHILD = "vac_child";

    /** Every cell of the child-standing table: act, standing, then the next standing or the refusal's code. */
    private static final List<String> TABLE = List.of(
            "REGISTER_CHILD UNREGISTERED -> INSIDE",
            "REGISTER_CHILD INSIDE !CONFLICT",
            "REGISTER_CHILD GRADUATED !CONFLICT",
            "DELEGATE UNREGISTERED !NOT_FOUND",
            "DELEGATE INSIDE -> INSIDE",
            "DELEGATE GRADUATED !INVALID_TRANSITION",
            "COMPLETE UNREGISTERED !NOT_FOUND",
            "COMPLETE INSIDE -> INSIDE",
            "COMPLETE GRADUATED -> GRADUATED",
            "OUTBOUND_CHECK UNREGISTERED !NOT_FOUND",
            "OUTBOUND_CHECK INSIDE -> INSIDE",
            "OUTBOUND_CHECK GRADUATED -> GRADUATED",
            "GRADUATE UNREGISTERED !NOT_FOUND",
            "GRADUATE INSIDE -> GRADUATED",
            "GRADUATE GRADUATED !INVALID_TRANSITION");

    /**
     * For each act, the parent states it is refused in, then the child states (the vacant transition table's cells:
     * SPAWN_REQUESTED is valid only LOCAL and ACTIVE, CALL_RECEIVED not STALE, SUNK or ARCHIVED, REVIEW_RECEIVED not
     * SUNK or ARCHIVED, HEARTBEAT not ARCHIVED).
     */
    private static final List<String> STATES = List.of(
            "REGISTER_CHILD parent [HIBERNATING, STALE, SUNK, ARCHIVED] child [ARCHIVED]",
            "DELEGATE parent [HIBERNATING, STALE, SUNK, ARCHIVED] child [STALE, SUNK, ARCHIVED]",
            "COMPLETE parent [SUNK, ARCHIVED] child [SUNK, ARCHIVED]",
            "OUTBOUND_CHECK parent [] child [HIBERNATING, STALE, SUNK, ARCHIVED]",
            "GRADUATE parent [HIBERNATING, STALE, SUNK, ARCHIVED] child [HIBERNATING, STALE, SUNK, ARCHIVED]");

    private static String render(Cell cell) {
        return cell.act() + " " + cell.from() + (cell.allowed() ? " -> " + cell.next() : " !" + cell.refusal());
    }

    @Test
    void theChildStandingTable_isExactlyTheseFifteenCells() {
        assertThat(ChildStandingTable.cells()).extracting(CompositeRulesTest::render).containsExactlyElementsOf(TABLE);
    }

    @Test
    void everyStandingCell_isWhatRequireAnswersForRunnableVacants() {
        for (Cell cell : ChildStandingTable.cells()) {
            if (cell.allowed()) {
                assertThat(CompositeRules.require(cell.act(), LifecycleState.ACTIVE, LifecycleState.LOCAL, CHILD,
                        cell.from())).as(render(cell)).isEqualTo(cell.next());
            } else {
                assertThatThrownBy(() -> CompositeRules.require(cell.act(), LifecycleState.ACTIVE, LifecycleState.LOCAL,
                        CHILD, cell.from())).as(render(cell)).isInstanceOfSatisfying(VacantException.class, e -> {
                            assertThat(e.code()).isEqualTo(cell.refusal());
                            assertThat(e.getMessage()).contains(CHILD);
                        });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CompositeAct.class)
    void eachAct_isRefusedInExactlyTheStatesItsTransitionCellsRefuse(CompositeAct act) {
        ChildStanding standing = act == CompositeAct.REGISTER_CHILD ? ChildStanding.UNREGISTERED : ChildStanding.INSIDE;
        List<LifecycleState> parentRefused = List.of(LifecycleState.values()).stream()
                .filter(state -> refused(() -> CompositeRules.require(act, state, LifecycleState.LOCAL, CHILD, standing)))
                .toList();
        List<LifecycleState> childRefused = List.of(LifecycleState.values()).stream()
                .filter(state -> refused(() -> CompositeRules.require(act, LifecycleState.ACTIVE, state, CHILD, standing)))
                .toList();

        assertThat(act + " parent " + parentRefused + " child " + childRefused).isIn(STATES);
    }

    @Test
    void theParentsCell_isCheckedBeforeTheStanding_andTheChildsCellAfterIt() {
        assertThatThrownBy(() -> CompositeRules.require(CompositeAct.DELEGATE, LifecycleState.STALE,
                LifecycleState.STALE, CHILD, ChildStanding.UNREGISTERED))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
                    assertThat(e.getMessage()).contains("parent");
                });
        assertThatThrownBy(() -> CompositeRules.require(CompositeAct.DELEGATE, LifecycleState.ACTIVE,
                LifecycleState.STALE, CHILD, ChildStanding.UNREGISTERED))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static boolean refused(Runnable check) {
        try {
            check.run();
            return false;
        } catch (VacantException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
            return true;
        }
    }
}
