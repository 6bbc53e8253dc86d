package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HilbertCurveTest {

    @ParameterizedTest(name = "{0} dims x {1} bits")
    @CsvSource({"1, 4", "2, 3", "3, 2", "4, 2", "8, 1"})
    void index_isBijectionWhoseConsecutiveCellsAreNeighbours_onSmallGrid(int dims, int bits) {
        int side = 1 << bits;
        long cells = 1L << (dims * bits);
        Map<Long, int[]> byIndex = new HashMap<>();
        for (long n = 0; n < cells; n++) {
            int[] point = new int[dims];
            long rest = n;
            for (int d = 0; d < dims; d++) {
                point[d] = (int) (rest % side);
                rest /= side;
            }
            long index = HilbertCurve.index(point, bits);
            assertThat(index).isBetween(0L, cells - 1);
            assertThat(byIndex.put(index, point)).as("index %d twice", index).isNull();
        }
        assertThat(byIndex).hasSize((int) cells);
        for (long index = 1; index < cells; index++) {
            assertThat(manhattan(byIndex.get(index - 1), byIndex.get(index))).as("step to %d", index).isEqualTo(1);
        }
    }

    @Test
    void ofMap_placesNeighboursCloserThanFarPoints_inTwoDimensions() {
        long origin = HilbertCurve.ofMap(new int[] {1000, 1000});
        long neighbour = HilbertCurve.ofMap(new int[] {1001, 1000});
        long far = HilbertCurve.ofMap(new int[] {60000, 5000});

        assertThat(Math.abs(neighbour - origin)).isLessThan(Math.abs(far - origin));
    }

    @Test
    void ofMap_placesNeighbouringCellsCloserThanFarPoints_inEightDimensions() {
        int cell = 1 << (HilbertCurve.COORDINATE_BITS - HilbertCurve.bitsPerDimension(8));
        long origin = HilbertCurve.ofMap(new int[] {0, 0, 0, 0, 0, 0, 0, 0});
        long neighbour = HilbertCurve.ofMap(new int[] {cell, 0, 0, 0, 0, 0, 0, 0});
        long far = HilbertCurve.ofMap(new int[] {65535, 65535, 0, 65535, 0, 65535, 65535, 0});

        assertThat(Math.abs(neighbour - origin)).isLessThan(Math.abs(far - origin));
    }

    @ParameterizedTest(name = "{0} dims keep {1} bits")
    @CsvSource({"1, 16", "2, 16", "3, 16", "4, 15", "5, 12", "6, 10", "7, 9", "8, 7"})
    void bitsPerDimension_fitsSixtyThreeBits_forEveryDimensionCount(int dims, int bits) {
        assertThat(HilbertCurve.bitsPerDimension(dims)).isEqualTo(bits);
    }

    @Test
    void ofMap_isNonNegative_atTheFarCornerOfEightDimensions() {
        int[] corner = {65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535};

        assertThat(HilbertCurve.ofMap(corner)).isNotNegative();
    }

    @Test
    void index_isRejected_whenItWouldNotFitALong() {
        assertThatThrownBy(() -> HilbertCurve.index(new int[] {1, 2, 3, 4}, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int manhattan(int[] a, int[] b) {
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }
}
