package dev.vacant.infra.tuple.space;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.Authority;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which lanes one authority may use. A lane is guarded by the hookwall of the same name as soon as that wall holds
 * a capability; a guarded lane admits the authority when it holds one of the wall's capabilities. Decisions are
 * remembered, so one instance serves one op or one lane-less scan.
 */
final class LaneAccess {

    private final Authority authority;
    private final TupleStore store;
    private final Map<String, Boolean> decided = new HashMap<>();

    LaneAccess(Authority authority, TupleStore store) {
        this.authority = authority;
        this.store = store;
    }

    boolean admits(String lane) {
        return decided.computeIfAbsent(lane, this::decide);
    }

    /** {@code WALL_DENIED} unless the lane admits the authority. */
    void require(String lane) {
        if (!admits(lane)) {
            throw new VacantException(ErrorCode.WALL_DENIED, "lane '" + lane + "' is guarded by a wall that "
                    + authority.vacant() + " holds no capability of");
        }
    }

    private boolean decide(String lane) {
        Set<String> wall = store.wall(lane);
        return wall.isEmpty() || authority.capabilities().stream().anyMatch(wall::contains);
    }
}
