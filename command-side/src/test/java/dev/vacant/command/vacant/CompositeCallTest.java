package dev.vacant.command.vacant;

import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.composite.CompositeCommands.CallVacantCommand;
import dev.vacant.command.composite.CompositeResults.CallResult;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.kernel.composite.OutboundRule;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tree-Only on every call: a call naming a caller vacant is authorized first; an external call skips closed children. */
class CompositeCallTest {

    private final VacantWorld world = new VacantWorld();
    private final String parent = world.genesis("alice", LifecycleState.ACTIVE).id();
    private final String stranger = world.genesis("alice", LifecycleState.ACTIVE).id();

    @AfterEach
    void close() {
        world.close();
    }

    private CallResult call(String caller, String callee) {
        return world.send(new CallVacantCommand(caller, ALICE, VacantId.parse(callee)));
    }

    @Test
    void closedChildsCall_toAStranger_isDeniedAndRecorded_andNeverReachesTheStranger() {
        String bud = world.bud(parent, "read");
        int strangerEntries = world.logbook(stranger).size();

        CallResult denied = call(bud, stranger);

        assertThat(denied.verdict().decision().allowed()).isFalse();
        assertThat(denied.verdict().decision().code()).isEqualTo(ErrorCode.TREE_ONLY_VIOLATION);
        assertThat(denied.verdict().decision().rule()).isEqualTo(OutboundRule.CLOSED_CHILD);
        assertThat(denied.callee()).isNull();
        assertThat(world.last(bud).kind()).isEqualTo("OUTBOUND_DENIED");
        assertThat(world.logbook(stranger)).hasSize(strangerEntries);
    }

    @Test
    void closedChildsCall_toItsSibling_isAllowedUnderItsParent_andReceivedByTheSibling() {
        String bud = world.bud(parent, "read");
        String sibling = world.bud(parent, "read");

        CallResult allowed = call(bud, sibling);

        assertThat(allowed.verdict().decision().allowed()).isTrue();
        assertThat(world.last(bud).kind()).isEqualTo("OUTBOUND_ALLOWED");
        assertThat(world.last(sibling).kind()).isEqualTo("CALL_RECEIVED");
        assertThat(world.last(sibling).body().payload().get("caller").asText()).isEqualTo(bud);
        assertThat(allowed.callee().seq()).isEqualTo(world.last(sibling).seq());
    }

    @Test
    void vacantThatIsNoCompositeChild_callsAnyCallableVacant_andAStaleCalleeRefusesWritingNothing() {
        assertThat(call(stranger, parent).verdict().decision().rule()).isEqualTo(OutboundRule.UNRESTRICTED);
        assertThat(world.last(parent).kind()).isEqualTo("CALL_RECEIVED");
        String stale = world.vacantIn(LifecycleState.STALE);

        CallResult refused = call(stranger, stale);

        assertThat(refused.verdict().decision().allowed()).isFalse();
        assertThat(world.last(stale).kind()).isNotEqualTo("CALL_RECEIVED");
    }

    @Test
    void externalCall_toAClosedChild_isRefused_butReachesAnOpenVacant() {
        String bud = world.bud(parent, "read");

        world.assertRejected(() -> world.send(new ReceiveCallCommand(bud, ALICE, "user:7")),
                ErrorCode.TREE_ONLY_VIOLATION, bud);
        world.send(new ReceiveCallCommand(parent, ALICE, "user:7"));

        assertThat(world.last(parent).kind()).isEqualTo("CALL_RECEIVED");
    }
}
