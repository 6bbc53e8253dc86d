package dev.vacant.command.vacant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.composite.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.composite.CompositeCommands.DelegateSubtasksCommand;
import dev.vacant.command.composite.CompositeCommands.GraduateChildCommand;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.composite.CompositeResults.GraduationResult;
import dev.vacant.kernel.composite.CapabilityCard;
import dev.vacant.kernel.composite.CollusionDetector;
import dev.vacant.kernel.composite.EndpointReachability;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graduation: consent, then the sliding rate limit, then the collusion gate; on success both chains and a card. */
class CompositeGraduationTest {

    private final VacantWorld world = new VacantWorld();
    private final String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

    @AfterEach
    void close() {
        world.close();
    }



    /** A bud that writes like its parent (both anchored on the same prose). */
    private String lookAlike() {
        world.samples(parent, DriftFixtures.PROSE.subList(0, 20));
        String bud = world.bud(parent, "read");
        world.samples(bud, DriftFixtures.PROSE.subList(20, 26));
        return bud;
    }

    @Test
    void graduate_movesTheBudLocalToActive_withANewManifestGraduatedEntriesAndASignedCard() {
        String bud = world.bud(parent, "search", "read");
        int budEntries = world.logbook(bud).size();

        GraduationResult result = world.send(world.graduation(parent, bud, "Finds papers", OutboundPolicy.PARENT_PERMITTED));

        assertThat(result.heads().child().state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(result.heads().parent().state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(result.manifest().closedByDefault()).isFalse();
        assertThat(result.manifest().registryVisibility()).isEqualTo(RegistryVisibility.PUBLIC);
        assertThat(result.manifest().endpointReachability()).isEqualTo(EndpointReachability.PUBLIC_A2A);
        assertThat(result.manifest().outboundPolicy()).isEqualTo(OutboundPolicy.PARENT_PERMITTED);
        result.manifest().verify(VacantId.parse(parent));
        assertThat(result.signals().sameControllerMilli()).isEqualTo(600);
        assertThat(result.signals().sameSubstrateMilli()).isEqualTo(500);
        assertThat(world.last(parent).kind()).isEqualTo("GRADUATED");
        assertThat(world.last(bud).kind()).isEqualTo("GRADUATED");
        assertThat(world.logbook(bud)).hasSize(budEntries + 1);
        assertThat(world.last(bud).body().signer()).isEqualTo(bud);
        CapabilityCard card = Payloads.read(world.last(bud).body().payload(), GraduatedPayload.class).card();
        assertThat(card).isEqualTo(result.card());
        assertThat(card.verifies()).isTrue();
        assertThat(card.description()).isEqualTo("Finds papers");
        assertThat(card.skills()).extracting(CapabilityCard.Skill::id).containsExactly("read", "search");
        assertThat(Payloads.read(world.last(parent).body().payload(), GraduatedPayload.class).card()).isNull();
        assertThat(ChainVerifier.verify(bud, world.logbook(bud))).isEmpty();
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
        assertThat(world.timers.dueOf(bud)).isPresent();
    }

    @Test
    void graduate_defaultsToNoExternal_andCannotGraduateTwice() {
        String bud = world.bud(parent, "read");

        GraduationResult result = world.send(world.graduation(parent, bud, "Reads", null));

        assertThat(result.manifest().outboundPolicy()).isEqualTo(OutboundPolicy.NO_EXTERNAL);
        world.assertRejected(() -> world.send(world.graduation(parent, bud, "Reads", null)), ErrorCode.INVALID_TRANSITION,
                parent, bud);
    }

    @Test
    void aGraduatedChild_hasLeftTheTree_itTakesNoDelegation_whileAnEarlierDelegationMayStillComplete() {
        String bud = world.bud(parent, "read");
        DelegationResult before = world.send(new DelegateSubtasksCommand(parent, VacantWorld.ALICE,
                List.of(new Subtask(VacantId.parse(bud), "before")), false));
        String earlier = before.delegations().get(0).delegationId();
        world.send(world.graduation(parent, bud, "Reads", null));

        world.assertRejected(() -> world.send(new DelegateSubtasksCommand(parent, VacantWorld.ALICE,
                List.of(new Subtask(VacantId.parse(bud), "after")), false)),
                ErrorCode.INVALID_TRANSITION, parent, bud);
        world.send(new CompleteDelegationCommand(parent, VacantWorld.ALICE, VacantId.parse(bud),
                earlier, "done before graduating"));
        assertThat(world.last(bud).kind()).isEqualTo("DELEGATION_COMPLETED");
    }

    @Test
    void graduate_needsBothSignaturesOverThisRequest() {
        String bud = world.bud(parent, "read");
        GraduateChildCommand signed = world.graduation(parent, bud, "Reads", null);
        GraduateChildCommand childSignedTwice = new GraduateChildCommand(parent, VacantWorld.ALICE, VacantId.parse(bud),
                "Reads", null, signed.childSignature(), signed.childSignature());
        GraduateChildCommand otherText = new GraduateChildCommand(parent, VacantWorld.ALICE, VacantId.parse(bud),
                "Does anything", null, signed.parentSignature(), signed.childSignature());

        world.assertRejected(() -> world.send(childSignedTwice), ErrorCode.GRADUATION_CONSENT, parent, bud);
        world.assertRejected(() -> world.send(otherText), ErrorCode.GRADUATION_CONSENT, parent, bud);
    }

    @Test
    void graduate_tripsTheRateLimitOnTheFourthIn24Hours_andSlidesOpenAgain() {
        for (int i = 0; i < 3; i++) {
            String bud = world.bud(parent, "read");
            world.send(world.graduation(parent, bud, "Reads " + i, null));
            world.clock.advance(Duration.ofHours(1));
        }
        String fourth = world.bud(parent, "read");

        assertThatThrownBy(() -> world.send(world.graduation(parent, fourth, "Reads 3", null)))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GRADUATION_RATE_LIMITED);
                    assertThat(e.details()).containsEntry("limit", 3);
                });
        world.clock.advance(Duration.ofHours(21).plusSeconds(1));
        assertThat(((GraduationResult) world.send(world.graduation(parent, fourth, "Reads 3", null))).heads().child()
                .state()).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void graduate_checksConsentBeforeTheRateLimit_andTheRateLimitBeforeCollusion() {
        for (int i = 0; i < 3; i++) {
            world.send(world.graduation(parent, world.bud(parent, "read"), "Reads " + i, null));
        }
        String lookAlike = lookAlike();
        GraduateChildCommand signed = world.graduation(parent, lookAlike, "Reads", null);

        world.assertRejected(() -> world.send(new GraduateChildCommand(parent, VacantWorld.ALICE, VacantId.parse(lookAlike),
                "Reads", null, signed.parentSignature(), null)), ErrorCode.GRADUATION_CONSENT, parent, lookAlike);
        world.assertRejected(() -> world.send(signed), ErrorCode.GRADUATION_RATE_LIMITED, parent, lookAlike);
    }

    @Test
    void graduate_holdsBackABudThatStillWritesLikeItsParent_namingTheThreeSignals() {
        String lookAlike = lookAlike();
        String ownStyle = world.bud(parent, "read");
        world.samples(ownStyle, DriftFixtures.TERSE);

        assertThatThrownBy(() -> world.send(world.graduation(parent, lookAlike, "Reads", null)))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GRADUATION_COLLUSION);
                    assertThat(e.details()).containsEntry("same_controller", 0.6).containsEntry("same_substrate", 0.5);
                    assertThat((Double) e.details().get("same_stylo")).isGreaterThanOrEqualTo(0.7);
                });
        assertThat(world.kinds(lookAlike)).doesNotContain("GRADUATED");
        GraduationResult passed = world.send(world.graduation(parent, ownStyle, "Reads tersely", null));
        assertThat(passed.signals().sameStyloMilli()).isZero();
    }

    @Test
    void graduate_letsALookAlikePass_withTheNoneDetector() {
        try (VacantWorld consentOnly = new VacantWorld(new GraduationGate(3, 0.7, CollusionDetector.NONE))) {
            String root = consentOnly.genesis("alice", LifecycleState.ACTIVE).id();
            consentOnly.samples(root, DriftFixtures.PROSE.subList(0, 20));
            String bud = consentOnly.bud(root, "read");
            consentOnly.samples(bud, DriftFixtures.PROSE.subList(20, 26));

            GraduationResult result = consentOnly.send(consentOnly.graduation(root, bud, "Reads", null));

            assertThat(result.heads().child().state()).isEqualTo(LifecycleState.ACTIVE);
        }
    }

    @Test
    void graduate_isRefused_forUnregisteredOrNonLocalChildren_andOtherControllers() {
        String outsider = world.unregisteredChild(parent);
        String bud = world.bud(parent, "read");

        world.assertRejected(() -> world.send(world.graduation(parent, outsider, "Reads", null)), ErrorCode.NOT_FOUND,
                parent, outsider);
        GraduateChildCommand signed = world.graduation(parent, bud, "Reads", null);
        world.assertRejected(() -> world.send(new GraduateChildCommand(parent, VacantWorld.BOB, VacantId.parse(bud), "Reads",
                null, signed.parentSignature(), signed.childSignature())), ErrorCode.FORBIDDEN, parent, bud);
        world.assertRejected(() -> world.send(new GraduateChildCommand(parent, VacantWorld.ALICE, VacantId.parse(bud), " ",
                null, signed.parentSignature(), signed.childSignature())), ErrorCode.VALIDATION_FAILED, parent, bud);
    }
}
