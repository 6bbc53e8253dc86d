package dev.vacant.infra.grpc.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;

/** Client side of the gRPC API: a plaintext channel, the bearer token as call metadata, the error code of a failure. */
public final class GrpcClients {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcClients() {
    }

    /** A plaintext channel to {@code target} ({@code host:port}). */
    public static ManagedChannel channel(String target) {
        return ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    }

    /** {@code stub} sending {@code authorization: Bearer <token>} with every call (unchanged without a token). */
    public static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        if (token == null || token.isBlank()) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The {@code google.rpc.ErrorInfo} of a failed call, whose {@code reason} is the API's error code. */
    public static Optional<ErrorInfo> errorInfo(Throwable failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return Optional.empty();
        }
        return status.getDetailsList().stream().filter(any -> any.is(ErrorInfo.class)).findFirst().map(any -> {
            try {
                return any.unpack(ErrorInfo.class);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
