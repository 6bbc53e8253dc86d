package dev.vacant.infra.web.composite;

import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.auth.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /vacants/{id}/card}: the signed capability card of a graduated or a listed public vacant, verifiable with
 * the id alone; 404 for anyone who cannot see the vacant, or without a card ({@link CompositeService#card}).
 */
@RestController
public class CapabilityCardController {

    private final CompositeService composites;

    public CapabilityCardController(CompositeService composites) {
        this.composites = composites;
    }

    @GetMapping("/api/v1/vacants/{id}/card")
    public CapabilityCard card(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @RequestParam(required = false) Long position,
                         @RequestParam(required = false) String consistency) {
        return composites.card(actor, id, position, consistency);
    }
}
