package dev.vacant.kernel.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published vectors ({@code docs/test-vectors/checkpoints.json}), computed independently of this code by
 * {@code docs/test-vectors/checkpoints.py} (Python's hashlib and cryptography); the RFC 6962 part reproduces the
 * test data of RFC 6962 implementations (certificate-transparency, transparency-dev/merkle).
 */
final class CheckpointVectors {

    static final JsonNode ALL = read();

    private CheckpointVectors() {
    }

    static JsonNode rfc6962() {
        return ALL.path("rfc6962");
    }

    static JsonNode checkpoint() {
        return ALL.path("checkpoint");
    }

    static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(item -> out.add(Hex.decode(item.asText())));
        return out;
    }

    private static JsonNode read() {
        try {
            return Json.parse(Files.readString(Path.of("..", "docs", "test-vectors", "checkpoints.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
