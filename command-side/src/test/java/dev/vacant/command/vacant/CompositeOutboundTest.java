package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.composite.CompositeCommands.AuthorizeOutboundCallCommand;
import dev.vacant.command.composite.CompositeCommands.ChangeAllowlistCommand;
import dev.vacant.command.composite.CompositeResults.OutboundResult;
import dev.vacant.kernel.composite.OutboundPolicy;
import dev.vacant.kernel.composite.OutboundRule;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tree-Only through the commands: every verdict is recorded on the caller's chain ({@code composite.md}). */
class CompositeOutboundTest {

    private final VacantWorld world = new VacantWorld();
    private final String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
    private final String stranger = world.genesis("alice", LifecycleState.ACTIVE).id();

    @AfterEach
    void close() {
        world.close();
    }

    private OutboundResult check(String composite, String caller, String callee) {
        return world.send(new AuthorizeOutboundCallCommand(composite, ALICE, VacantId.parse(caller), VacantId.parse(callee)));
    }



    private String graduated(OutboundPolicy policy) {
        String bud = world.bud(parent, "read");
        world.send(world.graduation(parent, bud, "Reads", policy));
        return bud;
    }

    @Test
    void closedBud_mayCallItsParentAndSiblings_andIsDeniedAnythingElse_withTheDenialRecorded() {
        String bud = world.bud(parent, "read");
        String sibling = world.bud(parent, "read");

        assertThat(check(parent, bud, parent).decision().allowed()).isTrue();
        assertThat(check(parent, bud, sibling).decision().allowed()).isTrue();
        assertThat(world.last(bud).kind()).isEqualTo("OUTBOUND_ALLOWED");
        OutboundResult denied = check(parent, bud, stranger);

        assertThat(denied.decision().allowed()).isFalse();
        assertThat(denied.decision().code()).isEqualTo(ErrorCode.TREE_ONLY_VIOLATION);
        assertThat(denied.decision().rule()).isEqualTo(OutboundRule.CLOSED_CHILD);
        assertThat(world.last(bud).kind()).isEqualTo("OUTBOUND_DENIED");
        assertThat(world.last(bud).body().payload().get("callee").asText()).isEqualTo(stranger);
        assertThat(world.last(bud).body().payload().get("code").asText()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(denied.caller().seq()).isEqualTo(world.last(bud).seq());
        assertThat(ChainVerifier.verify(bud, world.logbook(bud))).isEmpty();
    }

    @Test
    void graduatedNoExternal_mayCallOnlyItsParent() {
        String graduate = graduated(null);
        String sibling = world.bud(parent, "read");

        assertThat(check(parent, graduate, parent).decision().allowed()).isTrue();
        assertThat(check(parent, graduate, sibling).decision().allowed()).isFalse();
        assertThat(check(parent, graduate, stranger).decision().rule()).isEqualTo(OutboundRule.NO_EXTERNAL);
    }

    @Test
    void graduatedParentPermitted_mayCallPeersOnTheParentsAllowlist_only() {
        String graduate = graduated(OutboundPolicy.PARENT_PERMITTED);
        String peer = world.genesis("bob", LifecycleState.ACTIVE).id();

        assertThat(check(parent, graduate, peer).decision().allowed()).isFalse();
        world.send(new ChangeAllowlistCommand(parent, ALICE, List.of(VacantId.parse(peer)), List.of()));
        assertThat(check(parent, graduate, peer).decision().allowed()).isTrue();
        assertThat(check(parent, graduate, stranger).decision().allowed()).isFalse();
        world.send(new ChangeAllowlistCommand(parent, ALICE, List.of(), List.of(VacantId.parse(peer))));
        assertThat(check(parent, graduate, peer).decision().allowed()).isFalse();
        assertThat(world.kinds(parent).stream().filter("ALLOWLIST_CHANGED"::equals)).hasSize(2);
    }

    @Test
    void graduatedUnrestricted_mayCallAnyCallableVacant_butNotAStaleOne() {
        String graduate = graduated(OutboundPolicy.UNRESTRICTED);
        String stale = world.vacantIn(LifecycleState.STALE);

        assertThat(check(parent, graduate, stranger).decision().allowed()).isTrue();
        assertThat(check(parent, graduate, stale).decision().allowed()).isFalse();
    }

    @Test
    void aVacantOutsideAnyComposite_isNotTreeBound_whenItChecksItsOwnCalls() {
        OutboundResult result = check(parent, parent, stranger);

        assertThat(result.decision().allowed()).isTrue();
        assertThat(result.decision().rule()).isEqualTo(OutboundRule.UNRESTRICTED);
        assertThat(world.last(parent).kind()).isEqualTo("OUTBOUND_ALLOWED");
    }

    @Test
    void check_isRefused_withoutRecording_forUnknownCalleesStrangersAndOtherControllers() {
        String bud = world.bud(parent, "read");
        String unknown = "vac_" + "a".repeat(52);

        world.assertRejected(() -> check(parent, bud, unknown), ErrorCode.NOT_FOUND, bud, parent);
        world.assertRejected(() -> check(parent, stranger, bud), ErrorCode.NOT_FOUND, stranger, parent);
        world.assertRejected(() -> check(bud, bud, stranger), ErrorCode.VALIDATION_FAILED, bud);
        world.assertRejected(() -> world.send(new AuthorizeOutboundCallCommand(parent, BOB, VacantId.parse(bud),
                VacantId.parse(parent))), ErrorCode.FORBIDDEN, bud, parent);
    }

    @Test
    void allowlistChange_writesNothing_whenNothingChanges() {
        int before = world.logbook(parent).size();

        world.send(new ChangeAllowlistCommand(parent, ALICE, List.of(), List.of(VacantId.parse(stranger))));

        assertThat(world.logbook(parent)).hasSize(before);
        world.assertRejected(() -> world.send(new ChangeAllowlistCommand(parent, BOB, List.of(VacantId.parse(stranger)),
                List.of())), ErrorCode.FORBIDDEN, parent);
    }
}
