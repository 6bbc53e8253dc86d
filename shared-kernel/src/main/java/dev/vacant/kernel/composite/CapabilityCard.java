package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.util.List;

/**
 * The A2A-style agent card of a graduated child ({@code vacant.card/1}): id, name (the id: a vacant has no other
 * name), description (the capability text), one skill per whitelisted tool, reachability, outbound policy, the
 * public key (base64url), lineage and issue time, signed by the child over the JCS of every other field.
 * Anyone holding the child's id can verify it ({@link #verifies()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapabilityCard(String v, String id, String name, String description, List<Skill> skills,
                             EndpointReachability reachability,
                             @JsonProperty("outbound_policy") OutboundPolicy outboundPolicy,
                             @JsonProperty("public_key") String publicKey, Lineage lineage,
                             @JsonProperty("issued_at") String issuedAt, String signature) {

    public static final String VERSION = "vacant.card/1";

    /** One capability, named after a whitelisted tool. */
    public record Skill(String id, String name) {
    }

    /** Where the vacant comes from. */
    public record Lineage(String parent) {
    }

    /** The card of the child named by {@code manifest}, signed by {@code child}. */
    public static CapabilityCard issue(ChildManifest manifest, String capabilityText, LogbookSigner child) {
        return signed(VacantId.parse(manifest.childId()), capabilityText, manifest.toolWhitelist(),
                manifest.effectiveReachability(), manifest.effectiveOutboundPolicy(), manifest.parentId(),
                manifest.issuedAt(), child);
    }

    /**
     * The card of a listed vacant that is no composite child (a public genesis root or an open child): reachable as
     * PUBLIC_A2A and not tree-bound (UNRESTRICTED), described by its capability text if it has one, issued at
     * {@code issuedAt} (its birth, so the card is the same on every read), signed by the vacant itself.
     */
    public static CapabilityCard listed(VacantId id, String capabilityText, List<String> tools, String parent,
                                        String issuedAt, LogbookSigner vacant) {
        return signed(id, capabilityText, tools, EndpointReachability.PUBLIC_A2A, OutboundPolicy.UNRESTRICTED, parent,
                issuedAt, vacant);
    }

    private static CapabilityCard signed(VacantId id, String description, List<String> tools,
                                         EndpointReachability reachability, OutboundPolicy outbound, String parent,
                                         String issuedAt, LogbookSigner signer) {
        CapabilityCard unsigned = new CapabilityCard(VERSION, id.value(), id.value(), description,
                tools.stream().map(tool -> new Skill(tool, tool)).toList(), reachability, outbound,
                Base64Url.encode(id.publicKey()), new Lineage(parent), issuedAt, null);
        String signature = Base64Url.encode(signer.sign(CanonicalJson.canonicalize(unsigned.signingPayload())));
        return new CapabilityCard(VERSION, unsigned.id, unsigned.name, description, unsigned.skills, reachability,
                outbound, unsigned.publicKey, unsigned.lineage, issuedAt, signature);
    }

    /** The card without its signature: what the child signs. */
    public ObjectNode signingPayload() {
        ObjectNode payload = Json.mapper().valueToTree(this);
        payload.remove("signature");
        return payload;
    }

    /** Whether the signature verifies under the key the card's id encodes. */
    public boolean verifies() {
        try {
            return signature != null && Ed25519.verify(VacantId.parse(id).publicKey(),
                    CanonicalJson.canonicalize(signingPayload()), Base64Url.decode(signature));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
