package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static dev.vacant.command.vacant.VacantWorld.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.composite.CompositeCommands.RegisterChildCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterOwnChildCommand;
import dev.vacant.command.composite.CompositeResults.RegistrationResult;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.EndpointReachability;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.composite.ManifestVersion;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering children: D2 buds automatically, others with a dual-signed manifest ({@code composite.md}). */
class CompositeRegistrationTest {

    private final VacantWorld world = new VacantWorld();

    @AfterEach
    void close() {
        world.close();
    }


    private ChildManifest signed(String parent, String child, ManifestVersion version) {
        ChildManifest terms = version == ManifestVersion.V2
                ? ChildManifest.v2(VacantId.parse(parent), VacantId.parse(child), SpawnPath.D1, true, List.of("read"),
                        ChildManifest.Axes.SELF_GROWN, world.clock.instant())
                : new ChildManifest(ManifestVersion.V1, parent, child, SpawnPath.D1, true, List.of("read"),
                        RegistryVisibility.NONE, world.clock.instant().toString(), null, null, null, null);
        return terms.signedBy(world.custody.signer(VacantId.parse(parent)), world.custody.signer(VacantId.parse(child)));
    }

    @Test
    void d2Spawn_registersTheBud_withASelfGrownV2Manifest_onBothChains() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        String bud = world.bud(parent, "search");

        assertThat(world.kinds(parent)).containsExactly("GENESIS", "SPAWN", "CHILD_REGISTERED");
        assertThat(world.kinds(bud)).containsExactly("BIRTH", "MANIFEST_ACCEPTED");
        ChildManifest manifest = Payloads.read(world.logbook(bud).get(1).body().payload(), ManifestPayload.class).manifest();
        assertThat(manifest.schemaVersion()).isEqualTo(ManifestVersion.V2);
        assertThat(manifest.closedByDefault()).isTrue();
        assertThat(manifest.registryVisibility()).isEqualTo(RegistryVisibility.NONE);
        assertThat(manifest.endpointReachability()).isEqualTo(EndpointReachability.PARENT_ONLY);
        assertThat(manifest.outboundPolicy()).isEqualTo(OutboundPolicy.NO_EXTERNAL);
        assertThat(manifest.toolWhitelist()).containsExactly("search");
        manifest.verify(VacantId.parse(parent));
        assertThat(world.logbook(parent).get(2).body().payload()).isEqualTo(world.logbook(bud).get(1).body().payload());
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
        assertThat(ChainVerifier.verify(bud, world.logbook(bud))).isEmpty();
    }

    @Test
    void registerChild_acceptsManifestsSignedByBothParties_underEitherVersion() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        String v2Child = world.unregisteredChild(parent);
        String v1Child = world.unregisteredChild(parent);

        RegistrationResult v2 = world.send(new RegisterChildCommand(parent, ALICE, signed(parent, v2Child, ManifestVersion.V2)));
        RegistrationResult v1 = world.send(new RegisterChildCommand(parent, ALICE, signed(parent, v1Child, ManifestVersion.V1)));

        assertThat(v2.heads().child().seq()).isEqualTo(1);
        assertThat(v1.manifest().schemaVersion()).isEqualTo(ManifestVersion.V1);
        assertThat(world.kinds(parent)).endsWith("CHILD_REGISTERED", "CHILD_REGISTERED");
        assertThat(world.logbook(v1Child).get(1).body().payload().path("manifest").path("schema_version").asText())
                .isEqualTo("v1");
    }

    @Test
    void registerChild_rejectsABadManifest_writingNothing() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        String other = world.genesis("alice", LifecycleState.ACTIVE).id();
        String child = world.unregisteredChild(parent);
        ChildManifest good = signed(parent, child, ManifestVersion.V2);
        ChildManifest stripped = new ChildManifest(good.schemaVersion(), good.parentId(), good.childId(), good.birthPath(),
                good.closedByDefault(), good.toolWhitelist(), good.registryVisibility(), good.issuedAt(),
                good.endpointReachability(), good.outboundPolicy(), good.signatureParent(), "AAAA");

        world.assertRejected(() -> world.send(new RegisterChildCommand(parent, ALICE, stripped)), ErrorCode.BAD_MANIFEST, parent, child);
        world.assertRejected(() -> world.send(new RegisterChildCommand(other, ALICE, good)), ErrorCode.BAD_MANIFEST, other, child);
        world.assertRejected(() -> world.send(new RegisterChildCommand(parent, ALICE, null)), ErrorCode.BAD_MANIFEST, parent);
    }

    @Test
    void registerChild_isAConflict_whenTheChildIsRegisteredTwice() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        String other = world.genesis("alice", LifecycleState.ACTIVE).id();
        String bud = world.bud(parent, "read");

        world.assertRejected(() -> world.send(new RegisterChildCommand(parent, ALICE, signed(parent, bud, ManifestVersion.V2))),
                ErrorCode.CONFLICT, parent, bud);
        world.assertRejected(() -> world.send(new RegisterChildCommand(other, ALICE, signed(other, bud, ManifestVersion.V2))),
                ErrorCode.CONFLICT, other, bud);
    }

    @Test
    void registerOwnChild_letsCustodySignBoth_onlyForAControllerOfBothOrAnOperator() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        String child = world.unregisteredChild(parent);
        String bobs = world.genesis("bob", LifecycleState.ACTIVE).id();
        SpawnResult spawned = world.send(new VacantCommands.SpawnVacantCommand(bobs, BOB,
                new SpawnRequest.CloneWithMutation("x"), null));
        String bobsChild = spawned.child().id();
        ChildManifest.Axes broker = new ChildManifest.Axes(RegistryVisibility.UNLISTED, EndpointReachability.PARENT_BRIDGED,
                OutboundPolicy.PARENT_PERMITTED);

        world.assertRejected(() -> world.send(new RegisterOwnChildCommand(parent, ALICE, VacantId.parse(bobsChild), null, null)),
                ErrorCode.FORBIDDEN, parent, bobsChild);
        world.assertRejected(() -> world.send(new RegisterOwnChildCommand(parent, BOB, VacantId.parse(child), null, null)),
                ErrorCode.FORBIDDEN, parent, child);
        RegistrationResult registered = world.send(new RegisterOwnChildCommand(parent, ALICE, VacantId.parse(child), false, broker));
        RegistrationResult byOperator = world.send(new RegisterOwnChildCommand(parent, OPERATOR, VacantId.parse(bobsChild), null, null));

        assertThat(registered.manifest().outboundPolicy()).isEqualTo(OutboundPolicy.PARENT_PERMITTED);
        assertThat(registered.manifest().closedByDefault()).isFalse();
        assertThat(byOperator.manifest().closedByDefault()).isTrue();
        assertThat(world.kinds(bobsChild)).endsWith("MANIFEST_ACCEPTED");
    }

    @Test
    void registerOwnChild_isRefused_forAGenesisRootOrAParentThatCannotAct() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        String root = world.genesis("alice", LifecycleState.ACTIVE).id();
        String stale = world.vacantIn(LifecycleState.STALE);
        String child = world.unregisteredChild(parent);

        world.assertRejected(() -> world.send(new RegisterOwnChildCommand(parent, ALICE, VacantId.parse(root), null, null)),
                ErrorCode.VALIDATION_FAILED, parent, root);
        world.assertRejected(() -> world.send(new RegisterOwnChildCommand(stale, ALICE, VacantId.parse(child), null, null)),
                ErrorCode.INVALID_TRANSITION, stale, child);
    }
}
