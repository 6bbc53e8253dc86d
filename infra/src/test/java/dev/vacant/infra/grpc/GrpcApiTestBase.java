package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vacant.grpc.vacants.v1.Bundle;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.Substrate;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.vacant.VacantApiTestBase;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

/** The vacant API tests' context and principals, with a real grpc-java client on loopback to the app's gRPC port. */
public abstract class GrpcApiTestBase extends VacantApiTestBase {

    @Autowired
    protected GrpcServer grpcServer;

    protected ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        channel = GrpcClients.channel("127.0.0.1:" + grpcServer.port());
    }

    @AfterEach
    void closeChannel() {
        channel.shutdownNow();
    }

    protected VacantsGrpc.VacantsBlockingStub vacants(String token) {
        return GrpcClients.withToken(VacantsGrpc.newBlockingStub(channel), token);
    }

    /** The gRPC twin of {@code VacantFixtures.genesis}. */
    protected static GenesisRequest genesis(String controller, String... tools) {
        return GenesisRequest.newBuilder().setController(controller)
                .setBundle(Bundle.newBuilder().setSystemPrompt("You are careful.").setPolicyDsl("allow: read")
                        .addAllToolWhitelist(java.util.List.of(tools)))
                .setSubstrate(Substrate.newBuilder().setProvider("openai").setModel("gpt-x").setModelFamily("gpt")
                        .setParams(Struct.newBuilder().putFields("max_tokens", Value.newBuilder().setNumberValue(256).build())))
                .build();
    }

    /** Asserts a call fails with {@code status} and the error code as {@code ErrorInfo.reason}; answers the failure. */
    protected static StatusRuntimeException assertFails(Executable call, Status.Code status, String code) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::execute);
        assertThat(failure).as("the call should fail").isNotNull();
        assertThat(failure.getStatus().getCode()).as(failure.getStatus().toString()).isEqualTo(status);
        assertThat(GrpcClients.errorInfo(failure)).hasValueSatisfying(info -> {
            assertThat(info.getReason()).isEqualTo(code);
            assertThat(info.getDomain()).isEqualTo(GrpcErrors.DOMAIN);
        });
        return failure;
    }
}
