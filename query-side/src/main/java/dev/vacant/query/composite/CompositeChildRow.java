package dev.vacant.query.composite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A registered child as the composite read model holds it: its axes, the manifest in force, its graduation (time,
 * capability text, the collusion signals in thousandths) and its outbound verdict counters.
 */
public record CompositeChildRow(String childId, String parentId, Instant registeredAt, String schemaVersion,
                                String birthPath, boolean closedByDefault, String registryVisibility,
                                String endpointReachability, String outboundPolicy, JsonNode manifest,
                                Instant graduatedAt, String capabilityText, Long sameControllerMilli,
                                Long sameSubstrateMilli, Long sameStyloMilli, long outboundAllowed,
                                long outboundDenied) {
}
