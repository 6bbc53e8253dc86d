package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.Payloads;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spawn paths D1-D5 with their inputs, outputs and failure modes ({@code spawn.md}). */
class VacantSpawnTest {

    private final VacantWorld world = new VacantWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private SpawnResult spawn(String parent, SpawnRequest request) {
        return world.send(new SpawnVacantCommand(parent, ALICE, request, null));
    }

    private BirthPayload birthOf(String child) {
        return Payloads.read(world.logbook(child).get(0).body().payload(), BirthPayload.class);
    }

    private VacantBornEvent bornEventOf(String child) {
        return (VacantBornEvent) world.history(child).stream()
                .map(m -> ((org.axonframework.eventhandling.DomainEventMessage<?>) m).getPayload()).findFirst().orElseThrow();
    }

    private SpawnConsent consent(String primary, String secondary, String nonce, Duration validFor) {
        String expires = world.clock.instant().plus(validFor).toString();
        byte[] message = CanonicalJson.canonicalize(
                SpawnConsent.signingPayload(VacantId.parse(primary), VacantId.parse(secondary), nonce, expires));
        byte[] sig = world.custody.signer(VacantId.parse(secondary)).sign(message);
        return new SpawnConsent(nonce, expires, Base64Url.encode(sig));
    }


    @Test
    void d1_appendsMutationToPolicy_andWritesBirthAndSpawnEntries() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        SpawnResult result = spawn(parent, new SpawnRequest.CloneWithMutation("never guess"));

        String child = result.child().id();
        assertThat(result.path()).isEqualTo(SpawnPath.D1);
        assertThat(result.child().state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(bornEventOf(child).bundle().policyDsl()).isEqualTo("allow: read\nnever guess");
        BirthPayload birth = birthOf(child);
        assertThat(birth.parent()).isEqualTo(parent);
        assertThat(birth.path()).isEqualTo(SpawnPath.D1);
        assertThat(birth.controller()).isEqualTo("alice");
        assertThat(birth.bundleDigest()).isEqualTo(bornEventOf(child).bundle().digest());
        LogbookEntry spawnEntry = world.logbook(parent).get(1);
        assertThat(spawnEntry.kind()).isEqualTo("SPAWN");
        assertThat(spawnEntry.body().payload().get("child").asText()).isEqualTo(child);
        assertThat(result.parent().seq()).isEqualTo(1);
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
        assertThat(ChainVerifier.verify(child, world.logbook(child))).isEmpty();
    }

    @Test
    void d2_budsAClosedLocalChildWithNarrowedTools_andRejectsToolsOutsideTheWhitelist() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        SpawnResult bud = spawn(parent, new SpawnRequest.SubagentBud(List.of("search")));

        assertThat(bud.child().state()).isEqualTo(LifecycleState.LOCAL);
        assertThat(bornEventOf(bud.child().id()).bundle().toolWhitelist()).containsExactly("search");
        assertThat(spawn(parent, new SpawnRequest.SubagentBud(List.of("write", "search", "read"))).child().state())
                .isEqualTo(LifecycleState.LOCAL);
        world.assertRejected(() -> spawn(parent, new SpawnRequest.SubagentBud(List.of("search", "shell"))),
                ErrorCode.TOOLS_NOT_SUBSET, parent);
    }

    @Test
    void d3_forksWithNewPromptAndStoresCapabilityTextOnBirth() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        SpawnResult fork = spawn(parent, new SpawnRequest.CapabilityFork("Summarises papers", "You summarise."));

        assertThat(bornEventOf(fork.child().id()).bundle().systemPrompt()).isEqualTo("You summarise.");
        assertThat(bornEventOf(fork.child().id()).bundle().policyDsl()).isEqualTo("allow: read");
        assertThat(birthOf(fork.child().id()).capabilityText()).isEqualTo("Summarises papers");
    }

    @Test
    void d4_mergesWithAConsentingSecondParent_whoseLogbookRecordsTheConsent() {
        String a = world.genesis("alice", LifecycleState.ACTIVE).id();
        VacantCommandResult bob = world.send(new VacantCommands.CreateGenesisCommand(VacantWorld.OPERATOR, "bob", null,
                VacantWorld.bundle("translate"), VacantWorld.substrate("anthropic", "m2", "claude")));
        String b = bob.id();
        SpawnConsent consent = consent(a, b, "n-1", Duration.ofMinutes(5));

        SpawnResult merged = spawn(a, new SpawnRequest.LineageMerge(VacantId.parse(b), consent, "You do both."));

        String child = merged.child().id();
        VacantBornEvent born = bornEventOf(child);
        assertThat(born.bundle().toolWhitelist()).containsExactly("read", "search", "translate", "write");
        assertThat(born.bundle().policyDsl()).isEqualTo("allow: read\nallow: read");
        assertThat(born.substrate().provider()).isEqualTo("openai");
        assertThat(birthOf(child).parent()).isEqualTo(a);
        assertThat(birthOf(child).secondaryParent()).isEqualTo(b);
        assertThat(birthOf(child).controller()).isEqualTo("alice");
        LogbookEntry used = world.logbook(b).get(1);
        assertThat(used.kind()).isEqualTo("CONSENT_USED");
        assertThat(used.body().payload().get("nonce").asText()).isEqualTo("n-1");
        assertThat(ChainVerifier.verify(b, world.logbook(b))).isEmpty();

        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(VacantId.parse(b), consent, "again")),
                ErrorCode.CONSENT_REUSED, a, b);
    }

    @Test
    void d4_rejectsMissingExpiredForgedOrMisaddressedConsent_writingNothing() {
        String a = world.genesis("alice", LifecycleState.ACTIVE).id();
        String b = world.genesis("alice", LifecycleState.ACTIVE).id();
        String c = world.genesis("alice", LifecycleState.ACTIVE).id();
        VacantId bId = VacantId.parse(b);

        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(bId, null, "m")), ErrorCode.CONSENT_REQUIRED, a, b);
        SpawnConsent expired = consent(a, b, "n-exp", Duration.ofMinutes(-1));
        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(bId, expired, "m")), ErrorCode.CONSENT_REQUIRED, a, b);
        SpawnConsent forAnother = consent(c, b, "n-c", Duration.ofMinutes(5));
        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(bId, forAnother, "m")), ErrorCode.BAD_SIGNATURE, a, b);
        byte[] forgedSig = Ed25519.generate(new SecureRandom()).sign(new byte[] {1});
        SpawnConsent forged = new SpawnConsent("n-f", world.clock.instant().plusSeconds(60).toString(), Base64Url.encode(forgedSig));
        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(bId, forged, "m")), ErrorCode.BAD_SIGNATURE, a, b);
    }

    @Test
    void d4_rejectsASecondParentThatCannotSpawn() {
        String a = world.genesis("alice", LifecycleState.ACTIVE).id();
        String b = world.vacantIn(LifecycleState.STALE);
        SpawnConsent consent = consent(a, b, "n-s", Duration.ofMinutes(5));

        world.assertRejected(() -> spawn(a, new SpawnRequest.LineageMerge(VacantId.parse(b), consent, "m")),
                ErrorCode.INVALID_TRANSITION, a, b);
    }

    @Test
    void d5_respawnsTheBundleVerbatimOnANewSubstrate() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        SpawnResult respawn = spawn(parent, new SpawnRequest.CrossSubstrateRespawn(
                VacantWorld.substrate("local", "llama-3", "llama")));

        VacantBornEvent born = bornEventOf(respawn.child().id());
        assertThat(born.substrate().model()).isEqualTo("llama-3");
        assertThat(born.bundle()).isEqualTo(VacantWorld.bundle("search", "read", "write"));
    }

    @Test
    void localParent_spawnsOnlyLocalChildren_onEveryPath() {
        String parent = world.genesis("alice", LifecycleState.LOCAL).id();

        assertThat(spawn(parent, new SpawnRequest.CloneWithMutation("x")).child().state()).isEqualTo(LifecycleState.LOCAL);
        assertThat(spawn(parent, new SpawnRequest.CapabilityFork("c", "p")).child().state()).isEqualTo(LifecycleState.LOCAL);
        assertThat(spawn(parent, new SpawnRequest.CrossSubstrateRespawn(VacantWorld.substrate("a", "b", "c")))
                .child().state()).isEqualTo(LifecycleState.LOCAL);
    }

    @Test
    void spawn_isRefusedForAParentThatCannotSpawn_orAnotherController() {
        String hibernating = world.vacantIn(LifecycleState.HIBERNATING);
        String active = world.genesis("alice", LifecycleState.ACTIVE).id();

        world.assertRejected(() -> spawn(hibernating, new SpawnRequest.CloneWithMutation("x")), ErrorCode.INVALID_TRANSITION, hibernating);
        world.assertRejected(() -> world.send(new SpawnVacantCommand(active, BOB, new SpawnRequest.CloneWithMutation("x"), null)),
                ErrorCode.FORBIDDEN, active);
        world.assertRejected(() -> world.send(new SpawnVacantCommand(active, ALICE, new SpawnRequest.CloneWithMutation("x"), "bob")),
                ErrorCode.FORBIDDEN, active);
    }

    @Test
    void spawn_underAKeyThatAlreadySpawned_answersThatChild_writingNothing() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        SpawnVacantCommand bud = new SpawnVacantCommand(parent, ALICE, new SpawnRequest.SubagentBud(List.of("search")),
                null, "agent:batch@1/0.1");

        SpawnResult first = world.send(bud);
        List<LogbookEntry> before = world.logbook(parent);
        SpawnResult again = world.send(bud);

        assertThat(again).isEqualTo(first);
        assertThat(world.logbook(parent)).isEqualTo(before);
        List<LogbookEntry> spawns = before.stream().filter(entry -> entry.kind().equals("SPAWN")).toList();
        assertThat(spawns).hasSize(1);
        assertThat(spawns.get(0).body().payload().get("spawn_key").asText()).isEqualTo("agent:batch@1/0.1");
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
        SpawnResult other = world.send(new SpawnVacantCommand(parent, ALICE,
                new SpawnRequest.SubagentBud(List.of("search")), null, "agent:batch@1/0.2"));
        assertThat(other.child().id()).isNotEqualTo(first.child().id());
    }

    @Test
    void spawn_isRefused_underAKeyThatSpawnedAlongAnotherPath_orABlankKey() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
        world.send(new SpawnVacantCommand(parent, ALICE, new SpawnRequest.SubagentBud(List.of("search")), null, "k"));

        world.assertRejected(() -> world.send(new SpawnVacantCommand(parent, ALICE,
                new SpawnRequest.CloneWithMutation("x"), null, "k")), ErrorCode.CONFLICT, parent);
        world.assertRejected(() -> world.send(new SpawnVacantCommand(parent, ALICE,
                new SpawnRequest.CloneWithMutation("x"), null, " ")), ErrorCode.VALIDATION_FAILED, parent);
    }

    @Test
    void child_getsAFreshIndependentKey() {
        String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

        String child = spawn(parent, new SpawnRequest.CloneWithMutation("x")).child().id();

        assertThat(child).isNotEqualTo(parent);
        assertThat(world.custody.holds(VacantId.parse(child))).isTrue();
        assertThat(world.logbook(child).get(0).body().signer()).isEqualTo(child);
    }
}
