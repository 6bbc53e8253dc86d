package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a signed event with content-addressed attachments adds to its entry (genesis and birth: the bundle and the
 * substrate). The stored payload names their digests; the contents travel beside it (Axon metadata
 * {@value #META_DATA_KEY}: digest to the JCS text of the content) and count only where they hash to the digest that
 * addresses them.
 */
public interface Attached {

    /** The metadata key holding the attachments. */
    String META_DATA_KEY = "attachments";

    /** The attachments, by digest. */
    Map<String, JsonNode> attachments();

    /** The attachments as metadata: digest to the JCS text of the content. */
    static Map<String, String> toMetaData(Attached event) {
        Map<String, String> texts = new LinkedHashMap<>();
        event.attachments().forEach((digest, content) -> texts.put(digest, CanonicalJson.canonicalText(content)));
        return texts;
    }

    /** The content {@code digest} addresses, if {@code attachments} holds content that hashes to it. */
    static Optional<JsonNode> addressed(Map<String, JsonNode> attachments, String digest) {
        JsonNode content = digest == null ? null : attachments.get(digest);
        return content != null && Blake2b.hex256(CanonicalJson.canonicalize(content)).equals(digest)
                ? Optional.of(content) : Optional.empty();
    }
}
