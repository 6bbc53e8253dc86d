package dev.vacant.infra.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.query.composite.CompositeQueries;
import dev.vacant.query.registry.RegistryQueries;
import dev.vacant.query.registry.RegistryRow;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Capability cards for anyone who can see the vacant: a graduated child's card exactly as it signed it on its
 * GRADUATED entry; otherwise, for a listed vacant outside any composite tree, a card it signs in custody on request
 * ({@link CapabilityCard#listed}, issued at its birth, so every read answers the same bytes). Nothing for the rest.
 */
@Service
public class CapabilityCards {

    private final RegistryQueries registry;
    private final CompositeQueries composites;
    private final KeyCustody custody;

    public CapabilityCards(RegistryQueries registry, CompositeQueries composites, KeyCustody custody) {
        this.registry = registry;
        this.composites = composites;
        this.custody = custody;
    }

    /** The card of {@code vacant} as {@code viewer} may see it. */
    public Optional<JsonNode> card(Actor viewer, String vacant) {
        return registry.find(viewer, vacant).flatMap(row -> composites.card(vacant).map(Json::parse)
                .or(() -> listedCard(row)));
    }

    private Optional<JsonNode> listedCard(RegistryRow row) {
        if (!row.listed() || composites.treeParentOf(row.vacantId()).isPresent()) {
            return Optional.empty();
        }
        VacantId id = VacantId.parse(row.vacantId());
        List<String> tools = registry.content(row.bundleDigest())
                .map(content -> Json.mapper().convertValue(Json.parse(content), BehaviorBundle.class).toolWhitelist()).orElse(List.of());
        CapabilityCard card = CapabilityCard.listed(id, row.capabilityText(), tools, row.parent(),
                Timestamps.format(row.createdAt()), custody.signer(id));
        return Optional.of(Json.mapper().valueToTree(card));
    }
}
