package dev.vacant.infra.web.composite;

import dev.vacant.infra.card.CapabilityCards;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /vacants/{id}/card}: the signed capability card of a graduated or a listed public vacant
 * ({@link CapabilityCards}), verifiable with the id alone; 404 for anyone who cannot see the vacant, or without a card.
 */
@RestController
public class CapabilityCardController {

    private static final List<String> READS = List.of(RegistryProjector.NAME, CompositeProjector.NAME);

    private final CapabilityCards cards;
    private final ReadConsistency consistency;

    public CapabilityCardController(CapabilityCards cards, ReadConsistency consistency) {
        this.cards = cards;
        this.consistency = consistency;
    }

    @GetMapping("/api/v1/vacants/{id}/card")
    public CapabilityCard card(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestParam(required = false) Long position,
                               @RequestParam(required = false) String consistency) {
        this.consistency.await(READS, position, ReadConsistency.strong(consistency));
        String vacant = VacantRequests.vacantId("id", id).value();
        return cards.card(actor, vacant).map(card -> Json.mapper().convertValue(card, CapabilityCard.class))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no capability card for " + vacant));
    }
}
