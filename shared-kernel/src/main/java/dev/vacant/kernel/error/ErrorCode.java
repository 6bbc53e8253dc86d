package dev.vacant.kernel.error;

/**
 * The stable, machine-readable error codes of the whole system (see {@code docs/errors.md}).
 * Each code carries the HTTP status and the gRPC status code name its adapters answer with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "INVALID_ARGUMENT"),
    MALFORMED_JSON(400, "INVALID_ARGUMENT"),
    PAYLOAD_TOO_LARGE(413, "INVALID_ARGUMENT"),
    UNAUTHENTICATED(401, "UNAUTHENTICATED"),
    FORBIDDEN(403, "PERMISSION_DENIED"),
    NOT_FOUND(404, "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "UNIMPLEMENTED"),
    UNSUPPORTED_MEDIA_TYPE(415, "INVALID_ARGUMENT"),
    CONFLICT(409, "ALREADY_EXISTS"),
    INVALID_TRANSITION(409, "FAILED_PRECONDITION"),
    BAD_SIGNATURE(422, "FAILED_PRECONDITION"),
    CONSENT_REQUIRED(422, "FAILED_PRECONDITION"),
    CONSENT_REUSED(422, "FAILED_PRECONDITION"),
    BAD_MANIFEST(422, "FAILED_PRECONDITION"),
    TOOLS_NOT_SUBSET(422, "FAILED_PRECONDITION"),
    TREE_ONLY_VIOLATION(422, "FAILED_PRECONDITION"),
    WALL_DENIED(422, "FAILED_PRECONDITION"),
    GRADUATION_CONSENT(422, "FAILED_PRECONDITION"),
    GRADUATION_COLLUSION(422, "FAILED_PRECONDITION"),
    ARCHIVE_TOO_EARLY(422, "FAILED_PRECONDITION"),
    HEARTBEAT_TOO_SOON(429, "RESOURCE_EXHAUSTED"),
    GRADUATION_RATE_LIMITED(429, "RESOURCE_EXHAUSTED"),
    HALTED(503, "UNAVAILABLE"),
    PROVIDER_NOT_CONFIGURED(501, "UNIMPLEMENTED"),
    PROVIDER_REJECTED(502, "FAILED_PRECONDITION"),
    PROVIDER_FAILED(502, "UNAVAILABLE"),
    PROVIDER_UNAVAILABLE(503, "UNAVAILABLE"),
    INTERNAL(500, "INTERNAL");

    private final int httpStatus;
    private final String grpcStatus;

    ErrorCode(int httpStatus, String grpcStatus) {
        this.httpStatus = httpStatus;
        this.grpcStatus = grpcStatus;
    }

    /** The HTTP status REST answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The name of the {@code io.grpc.Status.Code} gRPC answers with. */
    public String grpcStatus() {
        return grpcStatus;
    }
}
