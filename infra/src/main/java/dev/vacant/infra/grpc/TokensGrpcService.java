package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.tokens.v1.CreateTokenRequest;
import dev.vacant.grpc.tokens.v1.IssuedToken;
import dev.vacant.grpc.tokens.v1.ListTokensRequest;
import dev.vacant.grpc.tokens.v1.RevokeTokenRequest;
import dev.vacant.grpc.tokens.v1.RevokeTokenResponse;
import dev.vacant.grpc.tokens.v1.TokenList;
import dev.vacant.grpc.tokens.v1.TokensGrpc;
import dev.vacant.infra.security.TokenAdministration;
import dev.vacant.infra.web.token.TokenController;
import dev.vacant.kernel.auth.TokenGrant;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.tokens.v1.Tokens}: the gRPC twin of {@code /tokens}, for operators ({@link TokenAdministration}). */
@Component
public class TokensGrpcService extends TokensGrpc.TokensImplBase implements GrpcApi {

    private final TokenAdministration tokens;
    private final ProtoJson json;

    public TokensGrpcService(TokenAdministration tokens, ProtoJson json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void create(CreateTokenRequest request, StreamObserver<IssuedToken> observer) {
        TokenController.CreateTokenBody body = json.read(request, TokenController.CreateTokenBody.class);
        reply(observer, json.write(tokens.issue(GrpcAuthInterceptor.actor(),
                TokenGrant.of(body.role(), body.controller(), body.label())), IssuedToken.newBuilder()));
    }

    @Override
    public void list(ListTokensRequest request, StreamObserver<TokenList> observer) {
        reply(observer, json.write(new TokenController.TokenList(tokens.list(GrpcAuthInterceptor.actor())),
                TokenList.newBuilder()));
    }

    @Override
    public void revoke(RevokeTokenRequest request, StreamObserver<RevokeTokenResponse> observer) {
        tokens.revoke(GrpcAuthInterceptor.actor(), request.getId());
        reply(observer, RevokeTokenResponse.getDefaultInstance());
    }
}
