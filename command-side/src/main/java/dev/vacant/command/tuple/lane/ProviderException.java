package dev.vacant.command.tuple.lane;

import dev.vacant.kernel.error.ErrorCode;

/**
 * A failed provider call and its {@link #code()}. Transient failures (timeouts, connection errors, HTTP 429 and
 * 5xx: {@code PROVIDER_FAILED}) are worth a retry; the others (e.g. HTTP 400, an unreadable answer:
 * {@code PROVIDER_REJECTED}; no provider at all: {@code PROVIDER_NOT_CONFIGURED}) are not.
 */
public final class ProviderException extends RuntimeException {

    private final ErrorCode code;
    private final boolean transientFailure;

    private ProviderException(String message, ErrorCode code, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transientFailure = transientFailure;
    }

    /** An HTTP answer with this status: transient for 429 and 5xx. */
    public static ProviderException status(String provider, int status) {
        boolean transientStatus = status == 429 || status >= 500;
        return new ProviderException(provider + " answered HTTP " + status,
                transientStatus ? ErrorCode.PROVIDER_FAILED : ErrorCode.PROVIDER_REJECTED, transientStatus, null);
    }

    /** The call did not answer in time: transient. */
    public static ProviderException timeout(String provider) {
        return new ProviderException(provider + " timed out", ErrorCode.PROVIDER_FAILED, true, null);
    }

    /** The provider could not be reached: transient. */
    public static ProviderException connection(String provider, Throwable cause) {
        return new ProviderException(provider + " could not be reached", ErrorCode.PROVIDER_FAILED, true, cause);
    }

    /** The call was abandoned (its thread interrupted, e.g. the loser of a speculative race): not retried. */
    public static ProviderException cancelled(String provider) {
        return new ProviderException(provider + " call was cancelled", ErrorCode.PROVIDER_FAILED, false, null);
    }

    /** A successful status with an answer that cannot be read: not transient. */
    public static ProviderException unreadable(String provider, String what) {
        return new ProviderException(provider + " answered " + what, ErrorCode.PROVIDER_REJECTED, false, null);
    }

    /** No provider is configured in this process: not transient. */
    public static ProviderException notConfigured(String yool) {
        return new ProviderException("no provider is configured to run " + yool, ErrorCode.PROVIDER_NOT_CONFIGURED,
                false, null);
    }

    /** Whether a retry may succeed. */
    public boolean transientFailure() {
        return transientFailure;
    }

    /** The code a failed task reports. */
    public ErrorCode code() {
        return code;
    }
}
