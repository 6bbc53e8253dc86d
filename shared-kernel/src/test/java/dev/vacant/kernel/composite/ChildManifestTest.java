package dev.vacant.kernel.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Manifest signing payloads per version and verification only under the declared version ({@code composite.md}). */
class ChildManifestTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private final Party parent = Party.fresh();
    private final Party child = Party.fresh();

    private ChildManifest v1() {
        return new ChildManifest(ManifestVersion.V1, parent.id().value(), child.id().value(), SpawnPath.D2, true,
                List.of("search", "read"), RegistryVisibility.NONE, "2026-05-01T10:00:00.000Z", null, null, null, null)
                .signedBy(parent.signer(), child.signer());
    }

    private ChildManifest v2() {
        return ChildManifest.v2(parent.id(), child.id(), SpawnPath.D2, true, List.of("search"),
                ChildManifest.Axes.SELF_GROWN, AT).signedBy(parent.signer(), child.signer());
    }

    private static void assertBadManifest(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VacantException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_MANIFEST));
    }

    @Test
    void v1_signsExactlyTheSevenFields_andVerifies() {
        ChildManifest manifest = v1();

        assertThat(CanonicalJson.canonicalText(manifest.signingPayload())).isEqualTo("{\"birth_path\":\"D2\","
                + "\"child_id\":\"" + child.id() + "\",\"closed_by_default\":true,\"issued_at\":\"2026-05-01T10:00:00.000Z\","
                + "\"parent_id\":\"" + parent.id() + "\",\"registry_visibility\":\"NONE\","
                + "\"tool_whitelist\":[\"read\",\"search\"]}");
        assertThatCode(() -> manifest.verify(parent.id())).doesNotThrowAnyException();
        assertThat(manifest.effectiveOutboundPolicy()).isEqualTo(OutboundPolicy.NO_EXTERNAL);
        assertThat(manifest.effectiveReachability()).isEqualTo(EndpointReachability.PARENT_ONLY);
    }

    @Test
    void v2_signsTheAxesAndItsVersion_andVerifies() {
        ChildManifest manifest = v2();

        assertThat(manifest.signingPayload().fieldNames()).toIterable().containsExactlyInAnyOrder("parent_id",
                "child_id", "birth_path", "closed_by_default", "tool_whitelist", "registry_visibility", "issued_at",
                "endpoint_reachability", "outbound_policy", "schema_version");
        assertThat(manifest.signingPayload().get("schema_version").asText()).isEqualTo("v2");
        assertThatCode(() -> manifest.verify(parent.id())).doesNotThrowAnyException();
    }

    @Test
    void verify_rejects_whenAValidV1IsRelabelledV2WithAppendedAxes() {
        ChildManifest v1 = v1();
        ChildManifest forged = new ChildManifest(ManifestVersion.V2, v1.parentId(), v1.childId(), v1.birthPath(),
                v1.closedByDefault(), v1.toolWhitelist(), v1.registryVisibility(), v1.issuedAt(),
                EndpointReachability.PUBLIC_A2A, OutboundPolicy.UNRESTRICTED, v1.signatureParent(), v1.signatureChild());

        assertBadManifest(() -> forged.verify(parent.id()));
    }

    @Test
    void verify_rejects_whenAV1CarriesAxes() {
        ChildManifest v1 = v1();
        ChildManifest withAxes = new ChildManifest(ManifestVersion.V1, v1.parentId(), v1.childId(), v1.birthPath(),
                v1.closedByDefault(), v1.toolWhitelist(), v1.registryVisibility(), v1.issuedAt(),
                EndpointReachability.PUBLIC_A2A, OutboundPolicy.UNRESTRICTED, v1.signatureParent(), v1.signatureChild());

        assertBadManifest(() -> withAxes.verify(parent.id()));
    }

    @Test
    void verify_rejects_whenAV2SignatureIsStripped() {
        ChildManifest v2 = v2();
        ChildManifest noChild = new ChildManifest(v2.schemaVersion(), v2.parentId(), v2.childId(), v2.birthPath(),
                v2.closedByDefault(), v2.toolWhitelist(), v2.registryVisibility(), v2.issuedAt(),
                v2.endpointReachability(), v2.outboundPolicy(), v2.signatureParent(), null);
        ChildManifest parentSignsTwice = new ChildManifest(v2.schemaVersion(), v2.parentId(), v2.childId(),
                v2.birthPath(), v2.closedByDefault(), v2.toolWhitelist(), v2.registryVisibility(), v2.issuedAt(),
                v2.endpointReachability(), v2.outboundPolicy(), v2.signatureParent(), v2.signatureParent());

        assertBadManifest(() -> noChild.verify(parent.id()));
        assertBadManifest(() -> parentSignsTwice.verify(parent.id()));
    }

    @Test
    void verify_rejects_whenTheParentIsNotThisComposite() {
        assertBadManifest(() -> v2().verify(Party.fresh().id()));
    }

    @Test
    void verify_rejects_whenASignedFieldChanged() {
        ChildManifest v2 = v2();
        ChildManifest widened = new ChildManifest(v2.schemaVersion(), v2.parentId(), v2.childId(), v2.birthPath(),
                v2.closedByDefault(), v2.toolWhitelist(), v2.registryVisibility(), v2.issuedAt(),
                v2.endpointReachability(), OutboundPolicy.UNRESTRICTED, v2.signatureParent(), v2.signatureChild());

        assertBadManifest(() -> widened.verify(parent.id()));
    }

    @Test
    void storedV1_staysValid_whenReadBackMarkedV1() {
        var stored = Payloads.toJson(v1());
        ChildManifest read = Payloads.read(stored, ChildManifest.class);

        assertThat(stored.get("schema_version").asText()).isEqualTo("v1");
        assertThat(read.schemaVersion()).isEqualTo(ManifestVersion.V1);
        assertThatCode(() -> read.verify(parent.id())).doesNotThrowAnyException();
    }

    @Test
    void verify_rejects_whenTheVersionIsMissing() {
        ChildManifest v1 = v1();
        ChildManifest unversioned = new ChildManifest(null, v1.parentId(), v1.childId(), v1.birthPath(),
                v1.closedByDefault(), v1.toolWhitelist(), v1.registryVisibility(), v1.issuedAt(), null, null,
                v1.signatureParent(), v1.signatureChild());

        assertBadManifest(() -> unversioned.verify(parent.id()));
    }

    @Test
    void verify_rejects_whenASignatureIsNotBase64Url() {
        ChildManifest v2 = v2();
        ChildManifest garbled = new ChildManifest(v2.schemaVersion(), v2.parentId(), v2.childId(), v2.birthPath(),
                v2.closedByDefault(), v2.toolWhitelist(), v2.registryVisibility(), v2.issuedAt(),
                v2.endpointReachability(), v2.outboundPolicy(), "!!not-base64!!", v2.signatureChild());

        assertBadManifest(() -> garbled.verify(parent.id()));
        assertThat(Base64Url.decode(v2.signatureParent())).hasSize(64);
    }
}
