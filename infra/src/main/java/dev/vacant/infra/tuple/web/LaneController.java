package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.tuple.space.SpaceScan;
import dev.vacant.infra.tuple.transport.TupleGateway;
import dev.vacant.infra.tuple.web.TupleRequests.InBody;
import dev.vacant.infra.tuple.web.TupleRequests.OutBody;
import dev.vacant.infra.tuple.web.TupleRequests.RdBody;
import dev.vacant.infra.tuple.web.TupleRequests.RouteBody;
import dev.vacant.infra.tuple.web.TupleRequests.WallBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;
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

/** Lanes, hookwalls and the space snapshot ({@code docs/tuples.md}). */
@RestController
@RequestMapping("/api/v1")
public class LaneController {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;
    private final SpaceScan spaceScan;
    private final LaneOps lanes;

    public LaneController(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds, SpaceScan spaceScan,
                          LaneOps lanes) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
        this.spaceScan = spaceScan;
        this.lanes = lanes;
    }

    @PostMapping("/lanes/{lane}/out")
    @ResponseStatus(HttpStatus.CREATED)
    public JsonNode out(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody OutBody body) {
        return lanes.out(actor, lane, body, "rest");
    }

    @PostMapping("/lanes/{lane}/in")
    public JsonNode in(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody InBody body) {
        return lanes.in(actor, lane, body);
    }

    @PostMapping("/lanes/{lane}/rd")
    public JsonNode rd(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody RdBody body) {
        return lanes.rd(actor, lane, body);
    }

    @PostMapping("/lanes/{lane}/route")
    public JsonNode route(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestBody RouteBody body) {
        return gateway.request(new TupleOp.RoutePacket(opIds.orFresh(body.opId()), lane,
                authorities.resolve(actor, body.vacant()), body.packet()));
    }

    @GetMapping("/lanes/{lane}/tuples")
    public JsonNode scan(@AuthenticationPrincipal Actor actor, @PathVariable String lane, @RequestParam String vacant,
                         @RequestParam(required = false) String yool,
                         @RequestParam(name = "hilbert_from", required = false) Long hilbertFrom,
                         @RequestParam(name = "hilbert_to", required = false) Long hilbertTo,
                         @RequestParam(required = false) Integer limit) {
        return lanes.scan(actor, lane, vacant, yool, hilbertFrom, hilbertTo, limit);
    }

    /** The lane-less scan: every lane the vacant may use, read from the store rather than sent through a lane. */
    @GetMapping("/tuples")
    public JsonNode scanLanes(@AuthenticationPrincipal Actor actor, @RequestParam String vacant,
                              @RequestParam(required = false) String yool,
                              @RequestParam(defaultValue = "100") int limit) {
        return spaceScan.scan(authorities.resolve(actor, vacant), yool, limit);
    }

    @PostMapping("/walls/{wall}/hook")
    public JsonNode hook(@AuthenticationPrincipal Actor actor, @PathVariable String wall, @RequestBody WallBody body) {
        actor.requireOperator();
        return wall(wall, body, WallAction.HOOK);
    }

    @PostMapping("/walls/{wall}/check")
    public JsonNode check(@PathVariable String wall, @RequestBody WallBody body) {
        return wall(wall, body, WallAction.CHECK);
    }

    @PostMapping("/walls/{wall}/unhook")
    public JsonNode unhook(@AuthenticationPrincipal Actor actor, @PathVariable String wall, @RequestBody WallBody body) {
        actor.requireOperator();
        return wall(wall, body, WallAction.UNHOOK);
    }

    @GetMapping("/space/snapshot")
    public JsonNode snapshot() {
        return gateway.request(new TupleOp.Snapshot(opIds.orFresh(null)));
    }

    private JsonNode wall(String wall, WallBody body, WallAction action) {
        return gateway.request(new TupleOp.Hookwall(opIds.orFresh(body.opId()), wall, body.capability(), action));
    }
}
