package dev.vacant.kernel.composite;

import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Digests and ids of delegations. Ids are derived from the parent's chain position of the DELEGATED entry (unique
 * per parent, deterministic, no random source): {@code dlg_} or, for the plan it starts, {@code plan_}, followed by
 * 32 hex characters of BLAKE2b-256 over {@code parent/seq}.
 */
public final class Delegations {

    /** Upper bound of a subtask or a result, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 16 * 1024;

    private Delegations() {
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
