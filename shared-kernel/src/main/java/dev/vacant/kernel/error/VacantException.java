package dev.vacant.kernel.error;

import java.util.Map;

/**
 * A rejected request: carries a stable {@link ErrorCode} and optional machine-readable details.
 * Messages and details never contain key material.
 */
public class VacantException extends RuntimeException {

    /** The detail (whole seconds) that adapters also answer as a {@code Retry-After} header. */
    public static final String RETRY_AFTER_SECONDS = "retry_after_seconds";

    private final ErrorCode code;
    private final Map<String, Object> details;

    public VacantException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public VacantException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
