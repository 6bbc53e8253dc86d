package dev.vacant.infra.checkpoint;

import dev.vacant.infra.checkpoint.CheckpointResponses.CheckpointView;
import dev.vacant.infra.checkpoint.CheckpointResponses.ConsistencyView;
import dev.vacant.infra.checkpoint.CheckpointResponses.InclusionView;
import dev.vacant.infra.checkpoint.CheckpointService.Made;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.NodeId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkpoints and proofs over REST ({@code api.md}, {@code docs/checkpoints.md}): a thin adapter of
 * {@link CheckpointService}. Checkpoints and consistency proofs are public (witnesses and third parties need no
 * token); inclusion proofs need a token; making a checkpoint on demand is for operators; cosignatures are accepted
 * from configured witnesses only, checked by their signature.
 */
@RestController
@RequestMapping("/api/v1")
public class CheckpointController {

    private final CheckpointService checkpoints;

    public CheckpointController(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @PostMapping("/checkpoints")
    public ResponseEntity<CheckpointView> make(@AuthenticationPrincipal Actor actor) {
        actor.requireOperator();
        Made made = checkpoints.checkpoint();
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(made.checkpoint()));
    }

    @GetMapping("/checkpoints/latest")
    public CheckpointView latest() {
        return view(checkpoints.latest().orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint yet")));
    }

    @GetMapping("/checkpoints/{size}")
    public CheckpointView at(@PathVariable long size) {
        return view(checkpoints.at(size)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint of size " + size)));
    }

    /** The first checkpoint whose tree includes the entry at a command answer's {@code global_index}. */
    @GetMapping("/checkpoints/first-including")
    public CheckpointView firstIncluding(@RequestParam long position) {
        return view(checkpoints.firstIncluding(position));
    }

    @PostMapping(path = "/checkpoints/{size}/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public CheckpointView cosign(@PathVariable long size, @RequestBody String line) {
        return view(checkpoints.cosign(size, line));
    }

    /** By {@code vacant} and {@code seq}, or by {@code position}; in checkpoint {@code size} (default: latest). */
    @GetMapping("/proofs/inclusion")
    public InclusionView inclusion(@RequestParam(required = false) String vacant,
                                   @RequestParam(required = false) Long seq, @RequestParam(required = false) Long position,
                                   @RequestParam(required = false) Long size) {
        if (position != null && vacant == null && seq == null) {
            return InclusionView.of(checkpoints.inclusionAt(position, size), nodeId());
        }
        if (vacant == null || seq == null || position != null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "give either vacant and seq, or position");
        }
        return InclusionView.of(checkpoints.inclusion(VacantRequests.vacantId("vacant", vacant).value(), seq, size), nodeId());
    }

    @GetMapping("/proofs/consistency")
    public ConsistencyView consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return ConsistencyView.of(checkpoints.consistency(from, to), nodeId());
    }

    private CheckpointView view(CheckpointService.Served served) {
        return CheckpointView.of(served, nodeId());
    }

    private String nodeId() {
        return NodeId.of(checkpoints.nodeKey().publicKey()).value();
    }
}
