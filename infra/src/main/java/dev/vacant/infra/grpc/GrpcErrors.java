package dev.vacant.infra.grpc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.vacant.infra.web.error.Violations;
import dev.vacant.kernel.input.FieldViolation;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses ({@code docs/errors.md}): the status of the {@link ErrorCode},
 * a {@code google.rpc.ErrorInfo} whose {@code reason} is the code (domain {@value #DOMAIN}, the exception's details
 * as metadata) and, for {@code VALIDATION_FAILED}, a {@code google.rpc.BadRequest} with one field violation per
 * invalid field (snake_case paths, as the proto fields are named). Anything unexpected is {@code INTERNAL} with a
 * generic message; its cause is only logged. As an interceptor it closes every call whose handler throws.
 */
public final class GrpcErrors implements ServerInterceptor {

    /** The {@code ErrorInfo.domain} of every error. */
    public static final String DOMAIN = "vacant.dev";

    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);
    private static final String INTERNAL_DETAIL = "An unexpected error occurred.";
    private static final String INVALID_DETAIL = "The request is invalid.";

    /** The status exception answering {@code failure}. */
    public static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof StatusException status) {
            return status.getStatus().asRuntimeException(status.getTrailers());
        }
        if (failure instanceof VacantException rejected) {
            return status(rejected.code(), rejected.getMessage(), rejected.details(), violations(rejected.details()));
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return status(ErrorCode.VALIDATION_FAILED, INVALID_DETAIL, Map.of(),
                    invalid.getConstraintViolations().stream().map(Violations::of).toList());
        }
        if (failure instanceof IllegalArgumentException && failure.getCause() instanceof JsonMappingException mapping) {
            return status(ErrorCode.VALIDATION_FAILED, "The request does not match the expected schema.", Map.of(),
                    List.of(Violations.of(mapping)));
        }
        log.error("gRPC call failed unexpectedly", failure);
        return status(ErrorCode.INTERNAL, INTERNAL_DETAIL, Map.of(), List.of());
    }

    /** Closes {@code call} with the status answering {@code failure}. */
    static void close(ServerCall<?, ?> call, Throwable failure) {
        StatusRuntimeException status = toStatus(failure);
        call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(call, headers);
        } catch (RuntimeException e) {
            close(call, e);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                guard(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guard(super::onHalfClose);
            }

            @Override
            public void onReady() {
                guard(super::onReady);
            }

            private void guard(Runnable step) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static StatusRuntimeException status(ErrorCode code, String message, Map<String, Object> details,
                                                 List<FieldViolation> violations) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(code.name()).setDomain(DOMAIN);
        details.forEach((key, value) -> {
            if (!(value instanceof List<?>)) {
                info.putMetadata(key, String.valueOf(value));
            }
        });
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.valueOf(code.grpcStatus()).value())
                .setMessage(message == null ? "" : message)
                .addDetails(Any.pack(info.build()));
        if (!violations.isEmpty()) {
            BadRequest.Builder bad = BadRequest.newBuilder();
            violations.forEach(violation -> bad.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(snakeCase(violation.field())).setDescription(violation.message())));
            status.addDetails(Any.pack(bad.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** The violations a rejection lists under {@code errors}, as the REST problem does. */
    private static List<FieldViolation> violations(Map<String, Object> details) {
        return details.get("errors") instanceof List<?> errors
                ? errors.stream().filter(FieldViolation.class::isInstance).map(FieldViolation.class::cast).toList()
                : List.of();
    }

    private static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
