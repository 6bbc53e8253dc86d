package dev.vacant.infra.web.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.auth.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capability card of a graduated vacant, exactly as the child signed it (verifiable with its id alone). Readable
 * by anyone who can see the vacant in the registry; otherwise, or without a card, 404 ({@link CompositeService#card}).
 */
@RestController
public class CapabilityCardController {

    private final CompositeService composites;

    public CapabilityCardController(CompositeService composites) {
        this.composites = composites;
    }

    @GetMapping("/api/v1/vacants/{id}/card")
    public JsonNode card(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @RequestParam(required = false) Long position,
                         @RequestParam(required = false) String consistency) {
        return composites.card(actor, id, position, consistency);
    }
}
