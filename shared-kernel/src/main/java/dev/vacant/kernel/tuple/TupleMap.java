package dev.vacant.kernel.tuple;

import java.util.List;

/** A tuple's position in the coordination map: 1..8 coordinates, each 0..65535. */
public record TupleMap(List<Integer> coords) {

    public static final int MAX_DIMENSIONS = 8;
    public static final int MAX_COORDINATE = 65_535;

    public TupleMap {
        TupleRules.require(coords != null && !coords.isEmpty() && coords.size() <= MAX_DIMENSIONS, "map",
                "must have 1.." + MAX_DIMENSIONS + " coordinates");
        for (Integer c : coords) {
            TupleRules.require(c != null && c >= 0 && c <= MAX_COORDINATE, "map", "coordinates must be 0..65535");
        }
        coords = List.copyOf(coords);
    }

    public static TupleMap of(Integer... coords) {
        return new TupleMap(List.of(coords));
    }

    /** The Hilbert index of this map (see {@link HilbertCurve#ofMap}). */
    public long hilbert() {
        return HilbertCurve.ofMap(coords.stream().mapToInt(Integer::intValue).toArray());
    }
}
