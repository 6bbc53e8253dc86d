package dev.vacant.kernel.tuple;

/**
 * The n-dimensional Hilbert curve (John Skilling, "Programming the Hilbert curve", AIP Conf. Proc. 707,
 * 2004): consecutive indices are neighbouring grid cells, so points close in the map are mostly close in
 * the index and a region of the map is covered by few index ranges.
 *
 * <p>A tuple's {@code map} has up to 8 coordinates of 16 bits each (up to 128 bits), but the index must fit
 * a signed {@code long}. {@link #ofMap} therefore keeps the {@code min(16, 63 / dims)} most significant
 * bits of every coordinate (1-3 dims: all 16 bits; 4: 15; 5: 12; 6: 10; 7: 9; 8: 7) and indexes that
 * coarser grid: points that differ only in the dropped low bits share a cell and an index. The index is
 * therefore a locality key for region scans, not an identity.
 */
public final class HilbertCurve {

    /** Bits of a map coordinate (0..65535). */
    public static final int COORDINATE_BITS = 16;
    private static final int INDEX_BITS = 63;

    private HilbertCurve() {
    }

    /** Bits kept per coordinate for a map of {@code dims} coordinates. */
    public static int bitsPerDimension(int dims) {
        return Math.min(COORDINATE_BITS, INDEX_BITS / dims);
    }

    /** The index of a map (coordinates 0..65535), reduced to {@link #bitsPerDimension} bits each. */
    public static long ofMap(int[] map) {
        int bits = bitsPerDimension(map.length);
        int[] cell = new int[map.length];
        for (int i = 0; i < map.length; i++) {
            cell[i] = map[i] >>> (COORDINATE_BITS - bits);
        }
        return index(cell, bits);
    }

    /**
     * The Hilbert index of a point of the {@code 2^bits}-wide grid in {@code point.length} dimensions:
     * a bijection from the grid onto {@code [0, 2^(dims*bits))}. Requires {@code dims * bits <= 63}.
     */
    public static long index(int[] point, int bits) {
        int dims = point.length;
        if (dims < 1 || bits < 1 || (long) dims * bits > INDEX_BITS) {
            throw new IllegalArgumentException("need 1 <= dims*bits <= 63, got " + dims + "x" + bits);
        }
        int[] x = point.clone();
        axesToTranspose(x, bits);
        long index = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            for (int axis = 0; axis < dims; axis++) {
                index = (index << 1) | ((x[axis] >>> bit) & 1);
            }
        }
        return index;
    }

    /** Skilling's AxestoTranspose: turns coordinates into the "transposed" Hilbert index in place. */
    private static void axesToTranspose(int[] x, int bits) {
        int n = x.length;
        int m = 1 << (bits - 1);
        for (int q = m; q > 1; q >>>= 1) { // inverse undo of the excess work
            int p = q - 1;
            for (int i = 0; i < n; i++) {
                if ((x[i] & q) != 0) {
                    x[0] ^= p;
                } else {
                    int t = (x[0] ^ x[i]) & p;
                    x[0] ^= t;
                    x[i] ^= t;
                }
            }
        }
        for (int i = 1; i < n; i++) { // Gray encode
            x[i] ^= x[i - 1];
        }
        int t = 0;
        for (int q = m; q > 1; q >>>= 1) {
            if ((x[n - 1] & q) != 0) {
                t ^= q - 1;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] ^= t;
        }
    }
}
