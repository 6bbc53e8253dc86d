package dev.vacant.command.tuple.space;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.CompositeLane;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which lanes one authority may use. A composite-internal lane ({@link CompositeLane}) admits its parent and the
 * children inside its tree. Any other lane is guarded by the hookwall of the same name as soon as that wall holds a
 * capability, and then admits the authority when it holds one of them. Decisions are remembered, so one instance
 * serves one op or one lane-less scan.
 */
final class LaneAccess {

    private final Authority authority;
    private final TupleStore store;
    private final CompositeTrees trees;
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Map<VacantId, Optional<VacantId>> treeParents = new HashMap<>();

    LaneAccess(Authority authority, TupleStore store, CompositeTrees trees) {
        this.authority = authority;
        this.store = store;
        this.trees = trees;
    }

    boolean admits(String lane) {
        return decided.computeIfAbsent(lane, this::decide);
    }

    /** {@code WALL_DENIED} unless the lane admits the authority. */
    void require(String lane) {
        if (!admits(lane)) {
            String reason = CompositeLane.reserved(lane)
                    ? "is internal to a composite whose tree " + authority.vacant() + " is not inside"
                    : "is guarded by a wall that " + authority.vacant() + " holds no capability of";
            throw new VacantException(ErrorCode.WALL_DENIED, "lane '" + lane + "' " + reason);
        }
    }

    private boolean decide(String lane) {
        if (CompositeLane.reserved(lane)) {
            Optional<CompositeLane> tree = CompositeLane.parse(lane);
            return tree.isPresent() && tree.get().admits(authority.vacant(), this::treeParent);
        }
        Set<String> wall = store.wall(lane);
        return wall.isEmpty() || authority.capabilities().stream().anyMatch(wall::contains);
    }

    private Optional<VacantId> treeParent(VacantId vacant) {
        return treeParents.computeIfAbsent(vacant, trees::parentOf);
    }
}
