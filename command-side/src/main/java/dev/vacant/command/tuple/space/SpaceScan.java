package dev.vacant.command.tuple.space;

import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.TupleRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lane-less {@code scan(yool?, limit)}: unexpired tuples of every lane the authority may use, in lane name
 * order and lane order within a lane; lanes it may not use are left out rather than refused. A read with no
 * effect, so it does not travel through a lane: it is served straight from the store, in one read-only snapshot.
 */
public final class SpaceScan {

    private final TupleStore store;
    private final CompositeTrees trees;
    private final Clock clock;

    public SpaceScan(TupleStore store, CompositeTrees trees, Clock clock) {
        this.store = store;
        this.trees = trees;
        this.clock = clock;
    }

    /** The tuples found; {@code limit} 1..1000, else {@code VALIDATION_FAILED}. */
    public TupleResult.Scanned scan(Authority authority, String yool, int limit) {
        TupleRules.range("limit", limit, 1, TupleOp.MAX_SCAN_LIMIT);
        return store.inReadOnlyTransaction(() -> new TupleResult.Scanned(
                admitted(new LaneAccess(authority, store, trees), yool, limit, clock.instant())));
    }

    /**
     * The unexpired tuples of one lane, in lane order, straight from the store (a watcher's poll records no op):
     * {@code WALL_DENIED} when the lane does not admit the authority; {@code limit} 1..1000.
     */
    public List<Tuple> lane(Authority authority, String lane, String yool, int limit) {
        TupleRules.range("limit", limit, 1, TupleOp.MAX_SCAN_LIMIT);
        return store.inReadOnlyTransaction(() -> {
            new LaneAccess(authority, store, trees).require(lane);
            return store.scan(lane, yool, null, null, limit, clock.instant());
        });
    }

    /**
     * Pages through the lanes in name order. A page stops being useful at its first tuple of a lane the authority
     * may not use: every lane before it in the page is complete, so the next page starts after that lane.
     */
    private List<Tuple> admitted(LaneAccess access, String yool, int limit, Instant now) {
        List<Tuple> found = new ArrayList<>();
        String after = null;
        while (found.size() < limit) {
            List<Tuple> page = store.scanLanesAfter(after, yool, limit - found.size(), now);
            page.stream().takeWhile(tuple -> access.admits(tuple.lane())).forEach(found::add);
            Optional<String> denied = page.stream().map(Tuple::lane).filter(lane -> !access.admits(lane)).findFirst();
            if (denied.isEmpty()) {
                return found;
            }
            after = denied.get();
        }
        return found;
    }
}
