package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.grpc.tokens.v1.CreateTokenRequest;
import dev.vacant.grpc.tokens.v1.IssuedToken;
import dev.vacant.grpc.tokens.v1.ListTokensRequest;
import dev.vacant.grpc.tokens.v1.RevokeTokenRequest;
import dev.vacant.grpc.tokens.v1.TokenInfo;
import dev.vacant.grpc.tokens.v1.TokenList;
import dev.vacant.grpc.tokens.v1.TokensGrpc;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code vacant.tokens.v1.Tokens} through a real client on loopback: the REST token rules, over gRPC. */
class TokensGrpcTest extends GrpcApiTestBase {

    @Autowired
    private ProtoJson protoJson;

    private TokensGrpc.TokensBlockingStub tokensAs(String token) {
        return GrpcClients.withToken(TokensGrpc.newBlockingStub(channel), token);
    }

    private long storedTokens() {
        return jdbc.queryForObject("select count(*) from api_token", Long.class);
    }

    @Test
    void operator_createsAControllerToken_listsItWithoutItsSecret_andRevokesIt() {
        IssuedToken issued = tokensAs(operator).create(CreateTokenRequest.newBuilder().setRole("controller")
                .setController("carol-" + alice).setLabel("ci").build());

        assertThat(issued.getToken()).startsWith("vat_");
        assertThat(issued.getId()).startsWith("tok_");
        assertThat(issued.getRole()).isEqualTo("CONTROLLER");
        assertThat(issued.getPrincipal()).isEqualTo("carol-" + alice);
        assertThat(issued.getLabel()).isEqualTo("ci");
        assertThat(issued.getCreatedAt()).isNotEmpty();
        assertThat(tokens.authenticate(issued.getToken())).hasValueSatisfying(
                actor -> assertThat(actor.principal()).isEqualTo("carol-" + alice));
        Response rest = api.get("/api/v1/tokens", operator);
        assertThat(rest.status()).isEqualTo(200);
        TokenInfo listed = tokensAs(operator).list(ListTokensRequest.getDefaultInstance()).getItemsList().stream()
                .filter(info -> info.getId().equals(issued.getId())).findFirst().orElseThrow();
        assertThat(protoJson.<TokenList>write(rest.body(), TokenList.newBuilder()).getItemsList()).contains(listed);
        assertThat(List.of(listed.getRole(), listed.getPrincipal(), listed.getLabel(), listed.getCreatedAt()))
                .isEqualTo(List.of(issued.getRole(), issued.getPrincipal(), issued.getLabel(), issued.getCreatedAt()));

        tokensAs(operator).revoke(RevokeTokenRequest.newBuilder().setId(issued.getId()).build());

        assertThat(tokensAs(operator).list(ListTokensRequest.getDefaultInstance()).getItemsList())
                .noneMatch(info -> info.getId().equals(issued.getId()));
        Polling.awaitUntil("the revoked token stops working", Duration.ofSeconds(5),
                () -> tokens.authenticate(issued.getToken()).isEmpty());
    }

    @Test
    void invalidGrant_isInvalidArgument_andIssuesNothing() {
        long before = storedTokens();

        assertFails(() -> tokensAs(operator).create(CreateTokenRequest.newBuilder().setRole("controller").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tokensAs(operator).create(CreateTokenRequest.newBuilder().setRole("root").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");

        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void revokingAnUnknownToken_isNotFound() {
        assertFails(() -> tokensAs(operator).revoke(RevokeTokenRequest.newBuilder().setId("tok_unknown").build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void controllers_arePermissionDenied_andCallsWithoutAToken_areUnauthenticated() {
        long before = storedTokens();
        CreateTokenRequest operatorGrant = CreateTokenRequest.newBuilder().setRole("operator").build();

        assertFails(() -> tokensAs(aliceToken).create(operatorGrant), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> tokensAs(aliceToken).list(ListTokensRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> tokensAs(bobToken).revoke(RevokeTokenRequest.newBuilder().setId("tok_any").build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> tokensAs(null).list(ListTokensRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");

        assertThat(storedTokens()).isEqualTo(before);
    }
}
