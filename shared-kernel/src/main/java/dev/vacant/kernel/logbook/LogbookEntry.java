package dev.vacant.kernel.logbook;

import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Blake2b;

/**
 * One signed, hash-chained logbook entry: {@code sig = Ed25519(JCS(body))} (base64url, no padding) and
 * {@code hash = BLAKE2b-256(JCS(body) || sig)} (lowercase hex).
 */
public record LogbookEntry(LogbookBody body, String sig, String hash) {

    /** Signs and hashes {@code body}. */
    public static LogbookEntry seal(LogbookBody body, LogbookSigner signer) {
        byte[] canonical = body.canonicalBytes();
        byte[] signature = signer.sign(canonical);
        return new LogbookEntry(body, Base64Url.encode(signature), Blake2b.hex256(canonical, signature));
    }

    public long seq() {
        return body.seq();
    }

    public String kind() {
        return body.kind();
    }
}
