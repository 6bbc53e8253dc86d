package dev.vacant.kernel.error;

import java.util.Map;

/**
 * A rejected request: carries a stable {@link ErrorCode} and optional machine-readable details.
 * Messages and details never contain key material.
 */
public class VacantException extends RuntimeException {

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
