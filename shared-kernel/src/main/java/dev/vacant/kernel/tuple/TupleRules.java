package dev.vacant.kernel.tuple;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.regex.Pattern;

/** Field rules of the tuple space; every failure is {@code VALIDATION_FAILED} naming the field. */
public final class TupleRules {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Pattern OP_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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
        require(value != null && NAME.matcher(value).matches(), field, "must match [a-z0-9._-]{1,64}");
        return value;
    }

    /** An idempotency key: {@code [A-Za-z0-9._:-]{1,64}}. */
    public static String opId(String value) {
        require(value != null && OP_ID.matcher(value).matches(), "op_id", "must match [A-Za-z0-9._:-]{1,64}");
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
}
