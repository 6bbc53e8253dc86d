package dev.vacant.infra.checkpoint;

import dev.vacant.infra.checkpoint.CheckpointAnswers.MadeView;
import dev.vacant.infra.checkpoint.CheckpointResponses.CheckpointView;
import dev.vacant.infra.checkpoint.CheckpointResponses.ConsistencyView;
import dev.vacant.infra.checkpoint.CheckpointResponses.InclusionView;
import dev.vacant.kernel.auth.Actor;
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
 * {@link CheckpointService} through {@link CheckpointAnswers}. Checkpoints and consistency proofs are public
 * (witnesses and third parties need no token); inclusion proofs need a token; making a checkpoint on demand is for
 * operators; cosignatures are accepted from configured witnesses only, checked by their signature.
 */
@RestController
@RequestMapping("/api/v1")
public class CheckpointController {

    private final CheckpointAnswers answers;

    public CheckpointController(CheckpointService checkpoints) {
        this.answers = new CheckpointAnswers(checkpoints);
    }

    @PostMapping("/checkpoints")
    public ResponseEntity<CheckpointView> make(@AuthenticationPrincipal Actor actor) {
        MadeView made = answers.make(actor);
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(made.checkpoint());
    }

    @GetMapping("/checkpoints/latest")
    public CheckpointView latest() {
        return answers.latest();
    }

    @GetMapping("/checkpoints/{size}")
    public CheckpointView at(@PathVariable long size) {
        return answers.at(size);
    }

    /** The first checkpoint whose tree includes the entry at a command answer's {@code global_index}. */
    @GetMapping("/checkpoints/first-including")
    public CheckpointView firstIncluding(@RequestParam long position) {
        return answers.firstIncluding(position);
    }

    @PostMapping(path = "/checkpoints/{size}/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public CheckpointView cosign(@PathVariable long size, @RequestBody String line) {
        return answers.cosign(size, line);
    }

    /** By {@code vacant} and {@code seq}, or by {@code position}; in checkpoint {@code size} (default: latest). */
    @GetMapping("/proofs/inclusion")
    public InclusionView inclusion(@RequestParam(required = false) String vacant,
                                   @RequestParam(required = false) Long seq, @RequestParam(required = false) Long position,
                                   @RequestParam(required = false) Long size) {
        return answers.inclusion(vacant, seq, position, size);
    }

    @GetMapping("/proofs/consistency")
    public ConsistencyView consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return answers.consistency(from, to);
    }
}
