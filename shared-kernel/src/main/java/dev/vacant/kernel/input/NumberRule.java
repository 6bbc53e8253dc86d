package dev.vacant.kernel.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What a JSON number a client sends may be. Both rules keep to I-JSON (RFC 7493), so that RFC 8785 canonical JSON,
 * which reads every number as an IEEE 754 double, signs exactly the digits that are stored and served: integers
 * within +-(2^53 - 1), no non-finite values.
 */
public enum NumberRule {

    /** Any finite number; integers within +-(2^53 - 1). For unsigned data (tuple data). */
    EXACT,

    /** Integers within +-(2^53 - 1) only: the numbers of signed payloads ({@code identity.md}). */
    INTEGERS;

    /** The largest integer I-JSON carries exactly: 2^53 - 1. */
    public static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_EXACT_INTEGER);

    /** Why {@code number} breaks this rule, or empty when it obeys it. */
    public Optional<String> violation(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().abs().compareTo(MAX) > 0
                    ? Optional.of("must be an integer within +-(2^53 - 1): larger integers cannot be carried exactly")
                    : Optional.empty();
        }
        if (this == INTEGERS) {
            return Optional.of("must be an integer (signed payloads carry integers only)");
        }
        return Double.isFinite(number.doubleValue()) ? Optional.empty() : Optional.of("must be a finite number");
    }
}
