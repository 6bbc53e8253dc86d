package dev.vacant.command.vacant;

import dev.vacant.command.composite.CompositeResults;
import static dev.vacant.command.vacant.VacantWorld.ALICE;
import static dev.vacant.command.vacant.VacantWorld.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.command.composite.CompositeCommands.CompleteDelegationCommand;
import dev.vacant.command.composite.CompositeCommands.DelegateSubtasksCommand;
import dev.vacant.command.composite.CompositeCommands.RegisterOwnChildCommand;
import dev.vacant.command.composite.CompositeCommands.Subtask;
import dev.vacant.command.composite.CompositeResults.DelegationResult;
import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.kernel.composite.DelegationAggregate;
import dev.vacant.kernel.composite.Delegations;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delegation: DELEGATED and TASK_RECEIVED on both chains, the child's state machine, and completion. */
class CompositeDelegationTest {

    private final VacantWorld world = new VacantWorld();
    private final String parent = world.genesis("alice", LifecycleState.ACTIVE).id();

    @AfterEach
    void close() {
        world.close();
    }

    private DelegationResult delegate(boolean parallel, Subtask... plan) {
        return world.send(new DelegateSubtasksCommand(parent, ALICE, List.of(plan), parallel));
    }

    private static Subtask task(String child, String text) {
        return new Subtask(VacantId.parse(child), text);
    }



    /** A registered child that is now in {@code dormancySteps} steps past ACTIVE. */
    private String registeredChildAfter(int dormancySteps) {
        String child = world.unregisteredChild(parent);
        world.send(new RegisterOwnChildCommand(parent, ALICE, VacantId.parse(child), null, null));
        world.dormant(child, dormancySteps);
        return child;
    }

    @Test
    void delegate_recordsDelegatedOnTheParent_andTaskReceivedOnTheChild() {
        String bud = world.bud(parent, "read");

        DelegationResult result = delegate(false, task(bud, "summarise the paper"));

        String id = result.delegations().get(0).delegationId();
        assertThat(world.last(parent).kind()).isEqualTo("DELEGATED");
        assertThat(world.last(parent).body().payload().get("child").asText()).isEqualTo(bud);
        assertThat(world.last(parent).body().payload().get("subtask_digest").asText())
                .isEqualTo(Delegations.digest("summarise the paper"));
        assertThat(world.last(parent).body().payload().get("delegation_id").asText()).isEqualTo(id);
        assertThat(world.last(bud).kind()).isEqualTo("TASK_RECEIVED");
        assertThat(world.last(bud).body().payload().get("parent").asText()).isEqualTo(parent);
        assertThat(world.last(bud).body().payload().get("delegation_id").asText()).isEqualTo(id);
        assertThat(result.delegations().get(0).childHead().state()).isEqualTo(LifecycleState.LOCAL);
        assertThat(result.parent().seq()).isEqualTo(world.last(parent).seq());
    }

    @Test
    void delegateMany_recordsThePlanInOrder_withOnePlanIdAndItsMode() {
        String a = world.bud(parent, "read");
        String b = world.bud(parent, "read");

        DelegationResult plan = delegate(true, task(a, "one"), task(b, "two"), task(a, "three"));

        assertThat(plan.parallel()).isTrue();
        assertThat(plan.delegations()).extracting(CompositeResults.Delegated::child).containsExactly(a, b, a);
        assertThat(plan.delegations()).extracting(CompositeResults.Delegated::delegationId).doesNotHaveDuplicates();
        List<LogbookEntry> delegated = world.logbook(parent).stream().filter(e -> e.kind().equals("DELEGATED")).toList();
        assertThat(delegated).extracting(e -> e.body().payload().get("plan_index").asInt()).containsExactly(0, 1, 2);
        assertThat(delegated).allMatch(e -> e.body().payload().get("plan_id").asText().equals(plan.planId()))
                .allMatch(e -> e.body().payload().get("parallel").asBoolean());
        assertThat(world.kinds(a).stream().filter("TASK_RECEIVED"::equals)).hasSize(2);
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
    }

    @Test
    void delegateMany_signsItsAggregate_onEveryDelegatedEntry_exceptTheDefaultList() {
        String a = world.bud(parent, "read");

        DelegationResult concat = world.send(new DelegateSubtasksCommand(parent, ALICE,
                List.of(task(a, "one"), task(a, "two")), false, DelegationAggregate.CONCAT));
        delegate(false, task(a, "three"));

        assertThat(concat.aggregate()).isEqualTo(DelegationAggregate.CONCAT);
        List<LogbookEntry> delegated = world.logbook(parent).stream().filter(e -> e.kind().equals("DELEGATED")).toList();
        assertThat(delegated).extracting(e -> e.body().payload().path("aggregate").asText(null))
                .containsExactly("concat", "concat", null);
        assertThat(ChainVerifier.verify(parent, world.logbook(parent))).isEmpty();
    }

    @Test
    void delegate_isRefusedByAStaleChild_andWritesNothingAnywhere() {
        String bud = world.bud(parent, "read");
        String stale = registeredChildAfter(2);

        world.assertRejected(() -> delegate(false, task(bud, "fine"), task(stale, "asleep")), ErrorCode.INVALID_TRANSITION,
                parent, bud, stale);
    }

    @Test
    void delegate_wakesAHibernatingChild_likeACall() {
        String hibernating = registeredChildAfter(1);

        DelegationResult result = delegate(false, task(hibernating, "wake up"));

        assertThat(result.delegations().get(0).childHead().state()).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void delegate_isRefused_forUnregisteredChildrenOtherControllersAndEmptyPlans() {
        String outsider = world.unregisteredChild(parent);
        String bud = world.bud(parent, "read");

        world.assertRejected(() -> delegate(false, task(outsider, "x")), ErrorCode.NOT_FOUND, parent, outsider);
        world.assertRejected(() -> world.send(new DelegateSubtasksCommand(parent, BOB, List.of(task(bud, "x")), false)),
                ErrorCode.FORBIDDEN, parent, bud);
        world.assertRejected(() -> delegate(false), ErrorCode.VALIDATION_FAILED, parent);
        world.assertRejected(() -> delegate(false, task(bud, " ")), ErrorCode.VALIDATION_FAILED, parent, bud);
    }

    @Test
    void complete_isRefusedWithInvalidTransition_whenTheChildSankMeanwhile_writingNothing() {
        String child = registeredChildAfter(0);
        String id = delegate(false, task(child, "summarise")).delegations().get(0).delegationId();
        world.dormant(child, 3);

        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, VacantId.parse(child), id, "r")),
                ErrorCode.INVALID_TRANSITION, parent, child);
    }

    @Test
    void complete_recordsTheResultOnBothChains_once() {
        String bud = world.bud(parent, "read");
        String id = delegate(false, task(bud, "summarise")).delegations().get(0).delegationId();

        PairResult done = world.send(new CompleteDelegationCommand(parent, ALICE, VacantId.parse(bud), id, "a summary"));

        assertThat(world.last(parent).kind()).isEqualTo("DELEGATION_COMPLETED");
        assertThat(world.last(bud).kind()).isEqualTo("DELEGATION_COMPLETED");
        assertThat(world.last(bud).body().payload()).isEqualTo(world.last(parent).body().payload());
        assertThat(world.last(parent).body().payload().get("result").asText()).isEqualTo("a summary");
        assertThat(done.child().seq()).isEqualTo(world.last(bud).seq());
        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, VacantId.parse(bud), id, "again")),
                ErrorCode.CONFLICT, parent, bud);
        assertThat(ChainVerifier.verify(bud, world.logbook(bud))).isEmpty();
    }

    @Test
    void complete_isRefused_forUnknownDelegationsAnotherChildOrAnotherController() {
        String bud = world.bud(parent, "read");
        String sibling = world.bud(parent, "read");
        String id = delegate(false, task(bud, "summarise")).delegations().get(0).delegationId();

        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, VacantId.parse(bud), "dlg_nope", "r")),
                ErrorCode.NOT_FOUND, parent, bud);
        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, VacantId.parse(sibling), id, "r")),
                ErrorCode.VALIDATION_FAILED, parent, sibling);
        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, BOB, VacantId.parse(bud), id, "r")),
                ErrorCode.FORBIDDEN, parent, bud);
    }

    @Test
    void fail_recordsTheErrorCodeWithoutAResultOnBothChains_andRefusesAResultOrABadCode() {
        String bud = world.bud(parent, "read");
        String id = delegate(false, task(bud, "summarise")).delegations().get(0).delegationId();
        VacantId child = VacantId.parse(bud);

        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, child, id, "r",
                Delegations.TIMEOUT)), ErrorCode.VALIDATION_FAILED, parent, bud);
        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, child, id, null,
                "timed out")), ErrorCode.VALIDATION_FAILED, parent, bud);
        world.send(new CompleteDelegationCommand(parent, ALICE, child, id, null, Delegations.TIMEOUT));

        var payload = world.last(parent).body().payload();
        assertThat(payload.get("error").asText()).isEqualTo(Delegations.TIMEOUT);
        assertThat(payload.has("result")).isFalse();
        assertThat(payload.has("result_digest")).isFalse();
        assertThat(world.last(bud).body().payload()).isEqualTo(payload);
        world.assertRejected(() -> world.send(new CompleteDelegationCommand(parent, ALICE, child, id, "late")),
                ErrorCode.CONFLICT, parent, bud);
    }
}
