package dev.vacant.kernel.composite;

import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Digests and ids of delegations. Ids are derived from the parent's chain position of the DELEGATED entry (unique
 * per parent, deterministic, no random source): {@code dlg_} or, for the plan it starts, {@code plan_}, followed by
 * 32 hex characters of BLAKE2b-256 over {@code parent/seq}.
 */
public final class Delegations {

    /** Upper bound of a subtask or a result, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 16 * 1024;

    /** The error code of a delegation that no answer came back for in time. */
    public static final String TIMEOUT = "DELEGATION_TIMEOUT";

    /** The form of a failed delegation's error code. */
    public static final String ERROR_CODE = "[A-Z][A-Z0-9_]{0,63}";

    private static final Pattern ERROR_CODE_FORM = Pattern.compile(ERROR_CODE);

    private Delegations() {
    }

    /**
     * A failed completion names an error code (upper-case letters, digits and {@code _}, at most 64) and carries no
     * result; else {@code VALIDATION_FAILED}.
     */
    public static void requireFailure(String error, String result) {
        if (!ERROR_CODE_FORM.matcher(error).matches() || result != null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED,
                    "a failed delegation names an error code (" + ERROR_CODE + ") and no result");
        }
    }

    /** BLAKE2b-256 hex of the text's UTF-8 bytes. */
    public static String digest(String text) {
        return Blake2b.hex256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the delegation recorded at {@code seq} on {@code parent}'s chain. */
    public static String delegationId(String parent, long seq) {
        return "dlg_" + shortHash(parent, seq);
    }

    /** The id of the plan whose first delegation is recorded at {@code seq}. */
    public static String planId(String parent, long seq) {
        return "plan_" + shortHash(parent, seq);
    }

    private static String shortHash(String parent, long seq) {
        byte[] digest = Blake2b.digest256((parent + "/" + seq).getBytes(StandardCharsets.UTF_8));
        return Hex.encode(Arrays.copyOf(digest, 16));
    }
}
