package dev.vacant.infra.web.composite;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.composite.CompositeQueries;
import dev.vacant.query.registry.RegistryProjector;
import dev.vacant.query.registry.RegistryQueries;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capability card of a graduated vacant, exactly as the child signed it (verifiable with its id alone). Readable
 * by anyone who can see the vacant in the registry; otherwise, or without a card, 404.
 */
@RestController
public class CapabilityCardController {

    private static final List<String> READS = List.of(RegistryProjector.NAME, CompositeProjector.NAME);

    private final RegistryQueries registry;
    private final CompositeQueries composites;
    private final ReadConsistency consistency;

    public CapabilityCardController(RegistryQueries registry, CompositeQueries composites, ReadConsistency consistency) {
        this.registry = registry;
        this.composites = composites;
        this.consistency = consistency;
    }

    @GetMapping("/api/v1/vacants/{id}/card")
    public CapabilityCard card(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestParam(required = false) Long position,
                               @RequestParam(required = false) String consistency) throws JsonProcessingException {
        this.consistency.await(READS, position, ReadConsistency.strong(consistency));
        String vacant = VacantRequests.vacantId("id", id).value();
        String card = registry.find(actor, vacant).flatMap(row -> composites.card(vacant))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no capability card for " + vacant));
        return Json.mapper().readValue(card, CapabilityCard.class);
    }
}
