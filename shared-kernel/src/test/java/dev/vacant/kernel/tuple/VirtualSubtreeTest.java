package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VirtualSubtreeTest {

    @Test
    void size_isAMillion_forDepthFourBranchingThirtyTwo() {
        assertThat(new VirtualSubtree(4, 32).size()).isEqualTo(1_048_576L);
    }

    @Test
    void size_isTwoToTheSixtySecond_atTheLimit() {
        assertThat(new VirtualSubtree(62, 2).size()).isEqualTo(1L << 62);
    }

    @ParameterizedTest(name = "depth {0} branching {1}")
    @CsvSource({"0, 32", "4, 0", "63, 2", "5, 65536", "2147483647, 2"})
    void subtree_isRejected_whenInvalidOrTooLarge(int depth, int branching) {
        assertThatThrownBy(() -> new VirtualSubtree(depth, branching))
                .isInstanceOfSatisfying(VacantException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void requirePath_acceptsInRangeIndices_andRejectsOthers() {
        VirtualSubtree subtree = new VirtualSubtree(2, 3);

        assertThat(subtree.requirePath(List.of(2, 0))).containsExactly(2, 0);
        assertThatThrownBy(() -> subtree.requirePath(List.of(3, 0))).isInstanceOf(VacantException.class);
        assertThatThrownBy(() -> subtree.requirePath(List.of(1))).isInstanceOf(VacantException.class);
    }
}
