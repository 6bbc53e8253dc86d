package dev.vacant.kernel.tuple;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.BitSet;

/** Field rules of the tuple space; every failure is {@code VALIDATION_FAILED} naming the field. */
public final class TupleRules {

    private static final AsciiWord NAME = new AsciiWord("abcdefghijklmnopqrstuvwxyz0123456789._-", 64);
    private static final AsciiWord OP_ID = new AsciiWord(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-", 64);

    private TupleRules() {
    }

    /** Fails with {@code VALIDATION_FAILED} "{field}: {rule}" unless {@code ok}. */
    public static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + ": " + rule);
        }
    }

    /** A lane or wall name: {@code [a-z0-9._-]{1,64}}. */
    public static String name(String field, String value) {
        require(value != null && NAME.matches(value), field, "must match [a-z0-9._-]{1,64}");
        return value;
    }

    /** An idempotency key: {@code [A-Za-z0-9._:-]{1,64}}. */
    public static String opId(String value) {
        require(value != null && OP_ID.matches(value), "op_id", "must match [A-Za-z0-9._:-]{1,64}");
        return value;
    }

    /** A short non-blank text (yool, source, capability). */
    public static String text(String field, String value, int maxLength) {
        require(value != null && !value.isBlank() && value.length() <= maxLength, field,
                "must be 1.." + maxLength + " characters");
        return value;
    }

    /** A number in {@code [min, max]}. */
    public static long range(String field, long value, long min, long max) {
        require(value >= min && value <= max, field, "must be in " + min + ".." + max);
        return value;
    }

    /**
     * 1 to {@code maxLength} characters from a set of ASCII characters: a regex character class with a bound,
     * checked without the regex engine (every op is checked on the front and again by its lane worker).
     */
    private static final class AsciiWord {
        private final BitSet allowed = new BitSet(128);
        private final int maxLength;

        AsciiWord(String characters, int maxLength) {
            characters.chars().forEach(allowed::set);
            this.maxLength = maxLength;
        }

        boolean matches(String value) {
            if (value.isEmpty() || value.length() > maxLength) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                if (!allowed.get(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
