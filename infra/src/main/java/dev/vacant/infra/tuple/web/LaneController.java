package dev.vacant.infra.tuple.web;

import dev.vacant.infra.tuple.web.TupleRequests.InBody;
import dev.vacant.infra.tuple.web.TupleRequests.OutBody;
import dev.vacant.infra.tuple.web.TupleRequests.RdBody;
import dev.vacant.infra.tuple.web.TupleRequests.RouteBody;
import dev.vacant.infra.tuple.web.TupleRequests.WallBody;
import dev.vacant.infra.tuple.web.TupleResponses.SnapshotAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.TupleAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.TuplesAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.WallAnswer;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp.WallAction;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lanes ({@link LaneOps}), the lane-less scan, hookwalls and the space snapshot ({@link SpaceOps}; {@code docs/tuples.md}). */
@RestController
@RequestMapping("/api/v1")
public class LaneController {

    private final LaneOps lanes;
    private final SpaceOps space;

    public LaneController(LaneOps lanes, SpaceOps space) {
        this.lanes = lanes;
        this.space = space;
    }

    @PostMapping("/lanes/{lane}/out")
    @ResponseStatus(HttpStatus.CREATED)
    public TupleAnswer out(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody OutBody body) {
        return TupleResponses.read(lanes.out(actor, lane, body, "rest"), TupleAnswer.class);
    }

    @PostMapping("/lanes/{lane}/in")
    public TupleAnswer in(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody InBody body) {
        return TupleResponses.read(lanes.in(actor, lane, body), TupleAnswer.class);
    }

    @PostMapping("/lanes/{lane}/rd")
    public TupleAnswer rd(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody RdBody body) {
        return TupleResponses.read(lanes.rd(actor, lane, body), TupleAnswer.class);
    }

    @PostMapping("/lanes/{lane}/route")
    public TupleAnswer route(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody RouteBody body) {
        return TupleResponses.read(lanes.route(actor, lane, body), TupleAnswer.class);
    }

    @GetMapping("/lanes/{lane}/tuples")
    public TuplesAnswer scan(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestParam String vacant,
                             @RequestParam(required = false) String yool,
                             @RequestParam(name = "hilbert_from", required = false) Long hilbertFrom,
                             @RequestParam(name = "hilbert_to", required = false) Long hilbertTo,
                             @RequestParam(required = false) Integer limit) {
        return TupleResponses.read(lanes.scan(actor, lane, vacant, yool, hilbertFrom, hilbertTo, limit), TuplesAnswer.class);
    }

    /** The lane-less scan: every lane the vacant may use, read from the store rather than sent through a lane. */
    @GetMapping("/tuples")
    public TuplesAnswer scanLanes(@AuthenticationPrincipal Actor actor, @RequestParam String vacant,
                                  @RequestParam(required = false) String yool,
                                  @RequestParam(defaultValue = "100") int limit) {
        return space.scan(actor, vacant, yool, limit);
    }

    @PostMapping("/walls/{wall}/hook")
    public WallAnswer hook(@AuthenticationPrincipal Actor actor, @PathVariable String wall, @RequestBody WallBody body) {
        return space.wall(actor, wall, body, WallAction.HOOK);
    }

    @PostMapping("/walls/{wall}/check")
    public WallAnswer check(@AuthenticationPrincipal Actor actor, @PathVariable String wall, @RequestBody WallBody body) {
        return space.wall(actor, wall, body, WallAction.CHECK);
    }

    @PostMapping("/walls/{wall}/unhook")
    public WallAnswer unhook(@AuthenticationPrincipal Actor actor, @PathVariable String wall, @RequestBody WallBody body) {
        return space.wall(actor, wall, body, WallAction.UNHOOK);
    }

    @GetMapping("/space/snapshot")
    public SnapshotAnswer snapshot() {
        return space.snapshot();
    }
}
