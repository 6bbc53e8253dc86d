package dev.vacant.kernel.tuple;

import dev.vacant.kernel.crypto.Blake2b;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Receipts left by applied ops: {@code kind@} + the first 16 hex digits of BLAKE2b-256 over kind and parts. */
public final class Receipts {

    private static final int SHORT_HEX = 16;
    private static final Pattern RECEIPT = Pattern.compile("[a-z_]{1,32}@[0-9a-f]{" + SHORT_HEX + "}");

    private Receipts() {
    }

    /** E.g. {@code out@3fa29c0e12d4b7a1} for {@code of("out", opId, tupleId)}. */
    public static String of(String kind, String... parts) {
        byte[] input = (kind + '\0' + String.join("\0", parts)).getBytes(StandardCharsets.UTF_8);
        return kind + '@' + Blake2b.hex256(input).substring(0, SHORT_HEX);
    }

    /** Whether {@code value} has the form of a receipt ({@code kind@} + 16 hex digits). */
    public static boolean isReceipt(String value) {
        return value != null && RECEIPT.matcher(value).matches();
    }
}
