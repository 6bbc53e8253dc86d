package dev.vacant.infra.web.lineage;

import dev.vacant.infra.web.lineage.LineageResponses.LineageAnswer;
import dev.vacant.kernel.auth.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the lineage of a vacant ({@code docs/lineage.md}; {@link LineageService}): parents, children, ancestors,
 * paged descendants, or the subtree as nested JSON.
 */
@RestController
@RequestMapping("/api/v1/vacants")
public class LineageController {

    private final LineageService lineage;

    public LineageController(LineageService lineage) {
        this.lineage = lineage;
    }

    @GetMapping("/{id}/lineage")
    public LineageAnswer lineage(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                 @RequestParam(required = false) String direction,
                                 @RequestParam(required = false) String format,
                                 @RequestParam(required = false) Integer depth,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Long position,
                                 @RequestParam(required = false) String consistency) {
        return lineage.lineage(actor, id, direction, format, depth, page, size, after, position, consistency);
    }
}
