package dev.vacant.kernel.logbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;

/**
 * The signed body of a logbook entry ({@code identity.md}). The record is deliberately lenient so that a
 * tampered stored entry can still be read and reported by verification; building new bodies goes through
 * {@link LogbookChain}.
 */
public record LogbookBody(String v, String vacant, long seq, String kind, String ts, ObjectNode payload,
                          String prev, String signer) {

    /** The format version of every body. */
    public static final String VERSION = "vacant.logbook/1";

    /** The body as a JSON object with exactly the eight fields of the format ({@code prev} null at seq 0). */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("v", v);
        json.put("vacant", vacant);
        json.put("seq", seq);
        json.put("kind", kind);
        json.put("ts", ts);
        json.set("payload", payload);
        json.put("prev", prev);
        json.put("signer", signer);
        return json;
    }

    /** The JCS bytes the signature is computed over. */
    public byte[] canonicalBytes() {
        return CanonicalJson.canonicalizeSigned(toJson());
    }
}
