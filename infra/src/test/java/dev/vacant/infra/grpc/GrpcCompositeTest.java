package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.grpc.composites.v1.AllowlistRequest;
import dev.vacant.grpc.composites.v1.CardRequest;
import dev.vacant.grpc.composites.v1.CompletionRequest;
import dev.vacant.grpc.composites.v1.CompositeView;
import dev.vacant.grpc.composites.v1.CompositesGrpc;
import dev.vacant.grpc.composites.v1.Delegated;
import dev.vacant.grpc.composites.v1.DelegationRequest;
import dev.vacant.grpc.composites.v1.GetCompositeRequest;
import dev.vacant.grpc.composites.v1.GraduationRequest;
import dev.vacant.grpc.composites.v1.OutboundCheckRequest;
import dev.vacant.grpc.composites.v1.OutboundVerdict;
import dev.vacant.grpc.composites.v1.Pair;
import dev.vacant.grpc.composites.v1.RegisterChildRequest;
import dev.vacant.grpc.composites.v1.Registered;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.kernel.json.Json;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/**
 * The composite rpcs through a real client: registration signed by custody, the inside view (as REST shows it),
 * allowlist, a Tree-Only verdict, delegation and completion; graduation and the card answer their rejections.
 */
class GrpcCompositeTest extends GrpcApiTestBase {

    private CompositesGrpc.CompositesBlockingStub composites(String token) {
        return GrpcClients.withToken(CompositesGrpc.newBlockingStub(channel), token);
    }

    @Test
    void compositeRpcs_runTheCompositeThroughItsApplicationService() {
        String parent = vacants(operator).genesis(genesis(alice, "search", "read")).getId();
        String stranger = vacants(operator).genesis(genesis(alice)).getId();
        String bud = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(parent).setPath("D2")
                .addNarrowedTools("search").build()).getChildId();
        String clone = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(parent).setPath("D1")
                .setPolicyMutation("be brief").build()).getChildId();

        Registered registered = composites(aliceToken).registerChild(RegisterChildRequest.newBuilder()
                .setParent(parent).setChildId(clone).build());
        OutboundVerdict denied = composites(aliceToken).checkOutbound(OutboundCheckRequest.newBuilder()
                .setParent(parent).setCaller(bud).setCallee(stranger).build());
        composites(aliceToken).changeAllowlist(AllowlistRequest.newBuilder().setParent(parent).addAdd(stranger).build());
        OutboundVerdict inTree = composites(aliceToken).checkOutbound(OutboundCheckRequest.newBuilder()
                .setParent(parent).setCaller(bud).setCallee(parent).build());
        Delegated delegated = composites(aliceToken).delegate(DelegationRequest.newBuilder().setParent(parent)
                .setChild(bud).setSubtask("find it").build());
        Pair completed = composites(aliceToken).completeDelegation(CompletionRequest.newBuilder().setParent(parent)
                .setDelegation(delegated.getDelegations(0).getDelegationId()).setChild(bud).setResult("found").build());
        CompositeView view = composites(aliceToken).get(GetCompositeRequest.newBuilder().setParent(parent)
                .setConsistency("strong").build());

        assertThat(registered.getManifest().getFieldsOrThrow("child_id").getStringValue()).isEqualTo(clone);
        assertThat(registered.getChild().getId()).isEqualTo(clone);
        assertThat(denied.getAllowed()).isFalse();
        assertThat(denied.getCode()).isEqualTo("TREE_ONLY_VIOLATION");
        assertThat(inTree.getAllowed()).isTrue();
        assertThat(inTree.getCaller().getId()).isEqualTo(bud);
        assertThat(completed.getChild().getId()).isEqualTo(bud);
        assertThat(view.getChildrenList()).hasSize(2);
        assertThat(view.getAllowlistList()).containsExactly(stranger);
        assertThat(Json.parse(Json.write(ProtoJson.tree(view))).get("children"))
                .isEqualTo(api.get("/api/v1/composites/" + parent, aliceToken).body().get("children"));
        assertThat(view.getPlans(0).getFieldsOrThrow("complete").getBoolValue()).isTrue();
    }

    @Test
    void graduationAndCard_answerTheirRejections() {
        String parent = vacants(operator).genesis(genesis(alice, "search")).getId();
        String bud = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(parent).setPath("D2")
                .addNarrowedTools("search").build()).getChildId();
        long before = storedEvents();

        assertFails(() -> composites(aliceToken).graduate(GraduationRequest.newBuilder().setParent(parent)
                .setChildId(bud).setCapabilityText("search").setParentSignature("AAAA").setChildSignature("AAAA").build()),
                Status.Code.FAILED_PRECONDITION, "GRADUATION_CONSENT");
        assertFails(() -> composites(aliceToken).card(CardRequest.newBuilder().setId(bud).build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertFails(() -> composites(bobToken).get(GetCompositeRequest.newBuilder().setParent(parent).build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
