package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.vacant.grpc.composites.v1.CompletionRequest;
import dev.vacant.grpc.composites.v1.CompositesGrpc;
import dev.vacant.grpc.composites.v1.Delegated;
import dev.vacant.grpc.composites.v1.DelegationRequest;
import dev.vacant.grpc.composites.v1.GetCompositeRequest;
import dev.vacant.grpc.composites.v1.Graduated;
import dev.vacant.grpc.composites.v1.GraduationRequest;
import dev.vacant.grpc.composites.v1.OutboundCheckRequest;
import dev.vacant.grpc.composites.v1.RegisterChildRequest;
import dev.vacant.grpc.tokens.v1.CreateTokenRequest;
import dev.vacant.grpc.tokens.v1.TokensGrpc;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.Consent;
import dev.vacant.grpc.vacants.v1.ConsentGranted;
import dev.vacant.grpc.vacants.v1.ConsentRequest;
import dev.vacant.grpc.vacants.v1.LogbookRequest;
import dev.vacant.grpc.vacants.v1.SampleRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.infra.composite.CompositeHttpStory;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gRPC twin of {@code HttpOnlyStoryTest}: the same composite story driven only by a grpc-java client on loopback
 * (no bean, repository or custody call): the operator issues both controllers' tokens through {@code Tokens.Create};
 * a D4 merge with a consent granted by the other controller's vacant, a composite with two buds and the other
 * controller's child registered by manifest, a delegation, Tree-Only on a call and a check, one graduation passing
 * the collusion gate and one held back by it. Every logbook, read through {@code Vacants.Logbook}, verifies with the
 * project's verifier, and each role's logbook has the shape (kinds and state changes) the REST telling leaves.
 */
class GrpcOnlyStoryTest extends GrpcApiTestBase {

    private static final String CAPABILITY = "Finds papers";

    private final Map<String, String> readers = new LinkedHashMap<>();

    /** The blocking stubs of one caller. */
    private record Caller(String token, VacantsGrpc.VacantsBlockingStub vacants,
                          CompositesGrpc.CompositesBlockingStub composites) {
    }

    private Caller as(String token) {
        return new Caller(token, vacants(token),
                GrpcClients.withToken(CompositesGrpc.newBlockingStub(channel), token));
    }

    private String controllerToken(String controller) {
        return GrpcClients.withToken(TokensGrpc.newBlockingStub(channel), operator).create(CreateTokenRequest.newBuilder()
                .setRole("controller").setController(controller).setLabel("grpc story").build()).getToken();
    }

    private String read(String id, String token) {
        readers.put(id, token);
        return id;
    }

    private static Struct struct(ObjectNode json) {
        Struct.Builder struct = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(Json.write(json), struct);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
        return struct.build();
    }

    private void samples(Caller caller, String id, List<String> texts) {
        texts.forEach(text -> caller.vacants().sample(SampleRequest.newBuilder().setId(id).setText(text).build()));
    }

    private static String graduationConsent(Caller caller, String signer, String parent, String child) {
        return caller.vacants().consent(ConsentRequest.newBuilder().setId(signer).setPurpose("vacant.graduate/1")
                .setParent(parent).setChild(child).setCapabilityText(CAPABILITY).build()).getSignature();
    }

    private List<LogbookEntry> logbookOverGrpc(String id) {
        return vacants(readers.get(id)).logbook(LogbookRequest.newBuilder().setId(id).setLimit(1000)
                .setConsistency("strong").build()).getEntriesList().stream()
                .map(entry -> new LogbookEntry(Json.mapper().convertValue(Json.parse(entry.getBody()), LogbookBody.class),
                        entry.getSig(), entry.getHash()))
                .toList();
    }

    /** A logbook's shape: each entry's kind and the state its transition went to. */
    private static List<String> shape(List<LogbookEntry> entries) {
        return entries.stream().map(entry -> entry.kind() + entry.body().payload().path("to").asText("")).toList();
    }

    @Test
    void aClientWithOnlyTheGrpcApi_mergesComposesDelegatesAndGraduates_likeTheHttpStory() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ann = "ann-" + suffix;
        String carol = "carol-" + suffix;
        Caller annCalls = as(controllerToken(ann));
        Caller carolCalls = as(controllerToken(carol));

        Map<String, String> roles = grpcStory(ann, annCalls, carol, carolCalls);

        // every logbook, read over gRPC, verifies with the project's verifier
        assertThat(readers).containsKeys(roles.values().toArray(String[]::new));
        readers.keySet().forEach(id -> {
            List<LogbookEntry> entries = logbookOverGrpc(id);
            assertThat(entries).as(id).isNotEmpty();
            assertThat(ChainVerifier.verify(id, entries)).as(id).isEmpty();
        });
        assertThat(logbookOverGrpc(roles.get("b"))).extracting(LogbookEntry::kind)
                .contains("CONSENT_GRANTED", "CONSENT_USED");
        assertThat(logbookOverGrpc(roles.get("own"))).extracting(LogbookEntry::kind)
                .containsSubsequence("MANIFEST_ACCEPTED", "TASK_RECEIVED", "DELEGATION_COMPLETED", "OUTBOUND_DENIED",
                        "CONSENT_GRANTED", "GRADUATED");

        // the same story over HTTP leaves logbooks of the same shape, role by role
        String restCarol = "carol-rest-" + suffix;
        CompositeHttpStory rest = new CompositeHttpStory(api, clock, operator, alice, aliceToken, restCarol,
                tokens.create(restCarol, Role.CONTROLLER));
        CompositeHttpStory.Cast restCast = rest.tell();
        roles.forEach((role, id) -> {
            String restId = restCast.roles().get(role);
            assertThat(shape(logbookOverGrpc(id))).as(role)
                    .isEqualTo(shape(rest.logbookOverHttp(restId, restCast.readers().get(restId))));
        });
    }

    private Map<String, String> grpcStory(String ann, Caller annCalls, String carol, Caller carolCalls) {
        String a = read(vacants(operator).genesis(genesis(ann, "search", "read")).getId(), annCalls.token());
        String b = read(vacants(operator).genesis(genesis(carol, "write")).getId(), carolCalls.token());

        // D4: carol's B consents in custody, ann merges A with B
        String expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
        ConsentGranted d4 = carolCalls.vacants().consent(ConsentRequest.newBuilder().setId(b)
                .setPurpose("vacant.spawn.d4/1").setPrimary(a).setExpiresAt(expires).build());
        String merged = read(annCalls.vacants().spawn(SpawnRequest.newBuilder().setId(a).setPath("D4").setParentB(b)
                .setMergedSystemPrompt("Both.").setConsent(Consent.newBuilder()
                        .setNonce(d4.getPayload().getFieldsOrThrow("nonce").getStringValue()).setExpiresAt(expires)
                        .setSignature(d4.getSignature())).build()).getChildId(), annCalls.token());

        // a composite: A with two buds (registered by their spawn) and carol's child registered by manifest
        samples(annCalls, a, DriftFixtures.PROSE.subList(0, 20));
        SpawnRequest bud = SpawnRequest.newBuilder().setId(a).setPath("D2").addNarrowedTools("search").build();
        String own = read(annCalls.vacants().spawn(bud).getChildId(), annCalls.token());
        String lookAlike = read(annCalls.vacants().spawn(bud).getChildId(), annCalls.token());
        String carols = read(carolCalls.vacants().spawn(SpawnRequest.newBuilder().setId(b).setPath("D1")
                .setPolicyMutation("be brief").build()).getChildId(), carolCalls.token());
        ObjectNode manifest = CompositeHttpStory.manifest(a, carols, clock);
        manifest.put("signature_child", carolCalls.vacants().consent(ConsentRequest.newBuilder().setId(carols)
                .setPurpose("vacant.manifest/1").setSide("child").setManifest(struct(manifest)).build()).getSignature());
        annCalls.composites().registerChild(RegisterChildRequest.newBuilder().setParent(a).setManifest(struct(manifest))
                .build());
        assertThat(annCalls.composites().get(GetCompositeRequest.newBuilder().setParent(a).setConsistency("strong")
                .build()).getChildrenList()).hasSize(3);

        // delegation and its result
        Delegated delegated = annCalls.composites().delegate(DelegationRequest.newBuilder().setParent(a).setChild(own)
                .setSubtask("find three papers").build());
        annCalls.composites().completeDelegation(CompletionRequest.newBuilder().setParent(a)
                .setDelegation(delegated.getDelegations(0).getDelegationId()).setChild(own).setResult("three papers")
                .build());

        // Tree-Only: a closed bud may not call carol's B, may check a call to its parent
        assertFails(() -> annCalls.vacants().call(CallRequest.newBuilder().setId(b).setCaller(own).build()),
                Status.Code.FAILED_PRECONDITION, "TREE_ONLY_VIOLATION");
        assertThat(annCalls.composites().checkOutbound(OutboundCheckRequest.newBuilder().setParent(a).setCaller(own)
                .setCallee(a).build()).getAllowed()).isTrue();

        // graduation: consents in custody; the bud with its own style passes, the look-alike is held back
        samples(annCalls, own, DriftFixtures.TERSE);
        samples(annCalls, lookAlike, DriftFixtures.PROSE.subList(20, 26));
        Graduated graduated = annCalls.composites().graduate(graduation(annCalls, a, own));
        assertThat(graduated.getChild().getState()).isEqualTo("ACTIVE");
        StatusRuntimeException held = assertFails(() -> annCalls.composites().graduate(graduation(annCalls, a, lookAlike)),
                Status.Code.FAILED_PRECONDITION, "GRADUATION_COLLUSION");
        assertThat(Double.parseDouble(GrpcClients.errorInfo(held).orElseThrow().getMetadataOrThrow("same_stylo")))
                .isGreaterThanOrEqualTo(0.7);
        return CompositeHttpStory.roles(a, b, merged, own, lookAlike, carols);
    }

    private static GraduationRequest graduation(Caller caller, String parent, String child) {
        return GraduationRequest.newBuilder().setParent(parent).setChildId(child).setCapabilityText(CAPABILITY)
                .setParentSignature(graduationConsent(caller, parent, parent, child))
                .setChildSignature(graduationConsent(caller, child, parent, child)).build();
    }
}
