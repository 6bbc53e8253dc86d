package dev.vacant.infra.tuple.lane;

/**
 * A failed provider call. Transient failures (timeouts, connection errors, HTTP 429 and 5xx) are worth a
 * retry; the others (e.g. HTTP 400) are not.
 */
public final class ProviderException extends RuntimeException {

    private final boolean transientFailure;

    private ProviderException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** An HTTP answer with this status: transient for 429 and 5xx. */
    public static ProviderException status(String provider, int status) {
        return new ProviderException(provider + " answered HTTP " + status, status == 429 || status >= 500, null);
    }

    /** The call did not answer in time: transient. */
    public static ProviderException timeout(String provider) {
        return new ProviderException(provider + " timed out", true, null);
    }

    /** The provider could not be reached: transient. */
    public static ProviderException connection(String provider, Throwable cause) {
        return new ProviderException(provider + " could not be reached", true, cause);
    }

    /** No provider is configured in this process: not transient. */
    public static ProviderException notConfigured(String yool) {
        return new ProviderException("no provider is configured to run " + yool, false, null);
    }

    /** Whether a retry may succeed. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
