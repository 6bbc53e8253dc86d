package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The dual-signed parent-child link of a composite ({@code composite.md}). Both signatures are Ed25519 over the
 * JCS of {@link #signingPayload()}, which depends on the declared {@link ManifestVersion} only: v1 signs the 7
 * fields, v2 signs them with both axes and {@code schema_version: "v2"}. {@link #verify} never falls back to
 * another version, so axes appended to a v1 manifest relabelled v2 cannot be read as authenticated.
 *
 * <p>Stored v1 manifests carry {@code schema_version: "v1"} explicitly and no axes; their effective axes are the
 * least-privileged ones ({@link #effectiveReachability()}, {@link #effectiveOutboundPolicy()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildManifest(@JsonProperty("schema_version") ManifestVersion schemaVersion,
                            @JsonProperty("parent_id") String parentId,
                            @JsonProperty("child_id") String childId,
                            @JsonProperty("birth_path") SpawnPath birthPath,
                            @JsonProperty("closed_by_default") Boolean closedByDefault,
                            @JsonProperty("tool_whitelist") List<String> toolWhitelist,
                            @JsonProperty("registry_visibility") RegistryVisibility registryVisibility,
                            @JsonProperty("issued_at") String issuedAt,
                            @JsonProperty("endpoint_reachability") EndpointReachability endpointReachability,
                            @JsonProperty("outbound_policy") OutboundPolicy outboundPolicy,
                            @JsonProperty("signature_parent") String signatureParent,
                            @JsonProperty("signature_child") String signatureChild) {

    public ChildManifest {
        toolWhitelist = toolWhitelist == null ? null : toolWhitelist.stream().filter(Objects::nonNull).sorted().toList();
    }

    /** The axes of a child: its canonical configurations are constants. */
    public record Axes(RegistryVisibility visibility, EndpointReachability reachability, OutboundPolicy outbound) {
        /** A D2 bud's own axes: NONE, PARENT_ONLY, NO_EXTERNAL. */
        public static final Axes SELF_GROWN = new Axes(RegistryVisibility.NONE, EndpointReachability.PARENT_ONLY,
                OutboundPolicy.NO_EXTERNAL);

        /** A graduated public resident with {@code outbound} (least privilege when null: NO_EXTERNAL). */
        public static Axes graduated(OutboundPolicy outbound) {
            return new Axes(RegistryVisibility.PUBLIC, EndpointReachability.PUBLIC_A2A,
                    outbound == null ? OutboundPolicy.NO_EXTERNAL : outbound);
        }
    }

    /** An unsigned v2 manifest. */
    public static ChildManifest v2(VacantId parent, VacantId child, SpawnPath birthPath, boolean closedByDefault,
                                   List<String> tools, Axes axes, Instant issuedAt) {
        return new ChildManifest(ManifestVersion.V2, parent.value(), child.value(), birthPath, closedByDefault, tools,
                axes.visibility(), Timestamps.format(issuedAt), axes.reachability(),
                axes.outbound(), null, null);
    }

    /** The exact payload both parties sign, as the declared version defines it. */
    public ObjectNode signingPayload() {
        requireComplete();
        ObjectNode payload = Json.object()
                .put("parent_id", parentId)
                .put("child_id", childId)
                .put("birth_path", birthPath.name())
                .put("closed_by_default", closedByDefault)
                .put("registry_visibility", registryVisibility.name())
                .put("issued_at", issuedAt);
        ArrayNode tools = payload.putArray("tool_whitelist");
        toolWhitelist.forEach(tools::add);
        if (schemaVersion == ManifestVersion.V2) {
            payload.put("endpoint_reachability", endpointReachability.name())
                    .put("outbound_policy", outboundPolicy.name())
                    .put("schema_version", ManifestVersion.V2.label());
        }
        return payload;
    }

    /** This manifest signed by the parent and the child (each signer must be the party it signs for). */
    public ChildManifest signedBy(LogbookSigner parent, LogbookSigner child) {
        if (!parent.signerId().equals(parentId) || !child.signerId().equals(childId)) {
            throw new IllegalArgumentException("a manifest is signed by its own parent and child");
        }
        byte[] message = CanonicalJson.canonicalize(signingPayload());
        return new ChildManifest(schemaVersion, parentId, childId, birthPath, closedByDefault, toolWhitelist,
                registryVisibility, issuedAt, endpointReachability, outboundPolicy,
                Base64Url.encode(parent.sign(message)), Base64Url.encode(child.sign(message)));
    }

    /**
     * This manifest with {@code signer}'s side signed (the parent's or the child's, whichever {@code signer} is);
     * {@code BAD_MANIFEST} when the manifest is incomplete or {@code signer} is neither party.
     */
    public ChildManifest signedFor(LogbookSigner signer) {
        byte[] message = CanonicalJson.canonicalize(signingPayload());
        boolean parent = signer.signerId().equals(parentId);
        if (!parent && !signer.signerId().equals(childId)) {
            throw bad(signer.signerId() + " is neither the parent nor the child of this manifest");
        }
        String signature = Base64Url.encode(signer.sign(message));
        return new ChildManifest(schemaVersion, parentId, childId, birthPath, closedByDefault, toolWhitelist,
                registryVisibility, issuedAt, endpointReachability, outboundPolicy,
                parent ? signature : signatureParent, parent ? signatureChild : signature);
    }

    /**
     * Checks that this manifest is complete for its declared version, names {@code composite} as its parent and
     * carries both valid signatures under that version; otherwise {@code BAD_MANIFEST}.
     */
    public void verify(VacantId composite) {
        requireComplete();
        if (!composite.value().equals(parentId)) {
            throw bad("the manifest's parent " + parentId + " is not this composite");
        }
        byte[] message = CanonicalJson.canonicalize(signingPayload());
        requireSignature("signature_parent", signatureParent, parentId, message);
        requireSignature("signature_child", signatureChild, childId, message);
    }

    /** The reachability in force: the signed axis of a v2 manifest, PARENT_ONLY for v1. */
    public EndpointReachability effectiveReachability() {
        return schemaVersion == ManifestVersion.V2 ? endpointReachability : EndpointReachability.PARENT_ONLY;
    }

    /** The outbound policy in force: the signed axis of a v2 manifest, NO_EXTERNAL for v1. */
    public OutboundPolicy effectiveOutboundPolicy() {
        return schemaVersion == ManifestVersion.V2 ? outboundPolicy : OutboundPolicy.NO_EXTERNAL;
    }

    /** {@code BAD_MANIFEST} unless every field its declared version signs is present and well-formed. */
    public void requireComplete() {
        if (schemaVersion == null) {
            throw bad("schema_version is required (v1 or v2)");
        }
        if (!VacantId.isValid(parentId) || !VacantId.isValid(childId) || parentId.equals(childId)) {
            throw bad("parent_id and child_id must be two different vacant ids");
        }
        if (birthPath == null || closedByDefault == null || toolWhitelist == null || registryVisibility == null) {
            throw bad("birth_path, closed_by_default, tool_whitelist and registry_visibility are required");
        }
        try {
            Instant.parse(issuedAt == null ? "" : issuedAt);
        } catch (DateTimeParseException e) {
            throw bad("issued_at must be an RFC 3339 instant");
        }
        boolean axes = endpointReachability != null || outboundPolicy != null;
        if (schemaVersion == ManifestVersion.V1 && axes) {
            throw bad("a v1 manifest carries no axes; axes are signed only by v2");
        }
        if (schemaVersion == ManifestVersion.V2 && (endpointReachability == null || outboundPolicy == null)) {
            throw bad("a v2 manifest needs endpoint_reachability and outbound_policy");
        }
    }

    private static void requireSignature(String field, String signature, String signer, byte[] message) {
        byte[] sig;
        try {
            sig = signature == null ? new byte[0] : Base64Url.decode(signature);
        } catch (IllegalArgumentException e) {
            sig = new byte[0];
        }
        if (!Ed25519.verify(VacantId.parse(signer).publicKey(), message, sig)) {
            throw bad(field + " is missing or does not verify under " + signer);
        }
    }

    private static VacantException bad(String message) {
        return new VacantException(ErrorCode.BAD_MANIFEST, message);
    }
}
