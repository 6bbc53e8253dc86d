package dev.vacant.command.vacant;

import dev.vacant.command.composite.CompositeResults;
import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.composite.CompositeCommands.GraduateChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterChildCommand;
import dev.vacant.command.vacant.VacantCommands.GrantConsentCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.consent.ConsentRequest;
import dev.vacant.kernel.consent.ConsentRequest.ManifestSide.Side;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SpawnRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Consents in custody ({@code api.md}, consents): a controller has one of its vacants sign one of the spec's payloads,
 * or hands in a signature made elsewhere; CONSENT_GRANTED records the purpose and the digest on the signer's chain.
 */
class VacantConsentTest {

    private final VacantWorld world = new VacantWorld();
    private final String alices = world.genesis("alice", LifecycleState.ACTIVE).id();
    private final String bobs = world.genesis("bob", LifecycleState.ACTIVE).id();

    @AfterEach
    void close() {
        world.close();
    }

    private String in(Duration duration) {
        return world.clock.instant().plus(duration).toString();
    }

    private ConsentResult grant(String signer, Actor who, ConsentRequest request) {
        return world.send(new GrantConsentCommand(signer, who, request, null));
    }

    @Test
    void d4Consent_signedInCustody_withADerivedNonce_isAcceptedByTheOtherControllersMerge() {
        String expires = in(Duration.ofMinutes(5));

        ConsentResult consent = grant(bobs, BOB,
                new ConsentRequest.SpawnD4(VacantId.parse(alices), null, expires));

        assertThat(consent.purpose()).isEqualTo(SpawnConsent.PURPOSE);
        assertThat(consent.signer()).isEqualTo(bobs);
        String nonce = consent.payload().get("nonce").asText();
        assertThat(nonce).startsWith("n_").hasSize(34);
        LogbookEntry granted = world.last(bobs);
        assertThat(granted.kind()).isEqualTo("CONSENT_GRANTED");
        assertThat(granted.body().payload().get("purpose").asText()).isEqualTo(SpawnConsent.PURPOSE);
        assertThat(granted.body().payload().get("digest").asText())
                .isEqualTo(Blake2b.hex256(CanonicalJson.canonicalize(consent.payload())));
        assertThat(granted.body().payload().get("source").asText()).isEqualTo("CUSTODY");

        SpawnResult merged = world.send(new VacantCommands.SpawnVacantCommand(alices, ALICE, new SpawnRequest.LineageMerge(
                VacantId.parse(bobs), new SpawnConsent(nonce, expires, consent.signature()), "both"), null));

        assertThat(merged.child().state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(world.kinds(bobs)).containsExactly("GENESIS", "CONSENT_GRANTED", "CONSENT_USED");
        assertThat(ChainVerifier.verify(bobs, world.logbook(bobs))).isEmpty();
        world.assertRejected(() -> grant(bobs, BOB,
                new ConsentRequest.SpawnD4(VacantId.parse(alices), nonce, expires)), ErrorCode.CONSENT_REUSED, bobs);
    }

    @Test
    void consent_isRefused_forAnotherController_aNonParty_aPastExpiry_orAVacantThatCannotAct_writingNothing() {
        ConsentRequest d4 = new ConsentRequest.SpawnD4(VacantId.parse(alices), "n-1", in(Duration.ofMinutes(5)));
        world.assertRejected(() -> grant(bobs, ALICE, d4), ErrorCode.FORBIDDEN, bobs);
        world.assertRejected(() -> grant(alices, ALICE, d4), ErrorCode.VALIDATION_FAILED, alices);
        world.assertRejected(() -> grant(bobs, BOB,
                new ConsentRequest.SpawnD4(VacantId.parse(alices), "n-2", in(Duration.ofSeconds(-1)))),
                ErrorCode.VALIDATION_FAILED, bobs);
        ConsentRequest graduation = new ConsentRequest.Graduation(VacantId.parse(alices), VacantId.parse(world.bud(alices,
                "read")), "Reads");
        world.assertRejected(() -> grant(bobs, BOB, graduation), ErrorCode.VALIDATION_FAILED, bobs);
        String stale = world.vacantIn(LifecycleState.STALE);
        world.assertRejected(() -> grant(stale, ALICE,
                new ConsentRequest.SpawnD4(VacantId.parse(alices), "n-3", in(Duration.ofMinutes(5)))),
                ErrorCode.INVALID_TRANSITION, stale);
    }

    @Test
    void externalSignature_isVerifiedUnderTheSignersId_andRecordedAsExternal() {
        ConsentRequest d4 = new ConsentRequest.SpawnD4(VacantId.parse(alices), "n-ext", in(Duration.ofMinutes(5)));
        byte[] message = CanonicalJson.canonicalize(d4.payloadFor(VacantId.parse(bobs), world.clock.instant()));
        String outside = Base64Url.encode(world.custody.signer(VacantId.parse(bobs)).sign(message));
        String wrongKey = Base64Url.encode(world.custody.signer(VacantId.parse(alices)).sign(message));

        world.assertRejected(() -> world.send(new GrantConsentCommand(bobs, BOB, d4, wrongKey)),
                ErrorCode.BAD_SIGNATURE, bobs);
        world.assertRejected(() -> world.send(new GrantConsentCommand(bobs, BOB, d4, "not base64!")),
                ErrorCode.BAD_SIGNATURE, bobs);
        ConsentResult accepted = world.send(new GrantConsentCommand(bobs, BOB, d4, outside));

        assertThat(accepted.signature()).isEqualTo(outside);
        assertThat(world.last(bobs).body().payload().get("source").asText()).isEqualTo("EXTERNAL");
    }

    @Test
    void manifestChildSide_grantedByItsController_letsTheParentsControllerRegisterIt_signingTheParentSide() {
        SpawnResult bobsChild = world.send(new VacantCommands.SpawnVacantCommand(bobs, BOB,
                new SpawnRequest.CloneWithMutation("x"), null));
        String child = bobsChild.child().id();
        ChildManifest terms = ChildManifest.v2(VacantId.parse(alices), VacantId.parse(child), SpawnPath.D1, true,
                List.of("read"), ChildManifest.Axes.SELF_GROWN, world.clock.instant());
        world.assertRejected(() -> world.send(new RegisterChildCommand(alices, ALICE, terms)), ErrorCode.BAD_MANIFEST,
                alices, child);
        world.assertRejected(() -> grant(child, BOB, new ConsentRequest.ManifestSide(terms,
                Side.PARENT)), ErrorCode.VALIDATION_FAILED, child);

        ConsentResult childSide = grant(child, BOB, new ConsentRequest.ManifestSide(terms, Side.CHILD));
        ChildManifest signedByChild = new ChildManifest(terms.schemaVersion(), terms.parentId(), terms.childId(),
                terms.birthPath(), terms.closedByDefault(), terms.toolWhitelist(), terms.registryVisibility(),
                terms.issuedAt(), terms.endpointReachability(), terms.outboundPolicy(), null, childSide.signature());
        CompositeResults.RegistrationResult registered = world.send(new RegisterChildCommand(alices, ALICE, signedByChild));

        registered.manifest().verify(VacantId.parse(alices));
        assertThat(world.kinds(child)).endsWith("CONSENT_GRANTED", "MANIFEST_ACCEPTED");
        assertThat(world.kinds(alices)).endsWith("CHILD_REGISTERED");
    }

    @Test
    void graduationConsents_fromBothSides_letTheGraduationPass() {
        String bud = world.bud(alices, "read");
        ConsentRequest.Graduation request = new ConsentRequest.Graduation(VacantId.parse(alices), VacantId.parse(bud),
                "Reads papers");
        String parentSignature = grant(alices, ALICE, request).signature();
        String childSignature = grant(bud, ALICE, request).signature();

        CompositeResults.GraduationResult graduated = world.send(new GraduateChildCommand(alices, ALICE,
                VacantId.parse(bud), "Reads papers", null, parentSignature, childSignature));

        assertThat(graduated.heads().child().state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(world.kinds(bud)).contains("CONSENT_GRANTED", "GRADUATED");
    }
}
