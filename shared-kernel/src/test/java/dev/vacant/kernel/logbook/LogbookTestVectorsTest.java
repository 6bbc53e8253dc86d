package dev.vacant.kernel.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regenerates the published logbook test vectors ({@code docs/test-vectors/logbook-v1.json}) and compares
 * them with the committed file, so that any change to the signed format breaks the build. Run with
 * {@code -Dvacant.vectors.write=true} to rewrite the file deliberately.
 */
class LogbookTestVectorsTest {

    private static final Path VECTORS = Path.of("..", "docs", "test-vectors", "logbook-v1.json");
    /** RFC 8032 section 7.1 TEST 1 secret key: a fixed, public seed. Never a real key. */
    private static final String SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    static ObjectNode generate() {
        Ed25519KeyPair key = Ed25519.fromSeed(Hex.decode(SEED_HEX));
        String vacant = VacantId.of(key.publicKey()).value();
        LogbookSigner signer = ChainVerifierTest.signerOf(key);
        Instant t0 = Instant.parse("2026-01-01T00:00:00.000Z");
        List<ObjectNode> payloads = List.of(
                Json.object().put("state", "ACTIVE").put("controller", "ctl_demo")
                        .put("bundle_digest", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
                (ObjectNode) Json.object().put("liveness", true)
                        .set("extra", Json.object().put("note", "caf\u00e9 \"quoted\"\n").put("load", 7)),
                Json.object().put("caller", vacant).put("count", 1));
        List<String> kinds = List.of("GENESIS", "HEARTBEAT", "CALL_RECEIVED");

        ObjectNode root = Json.object();
        root.put("format", LogbookBody.VERSION);
        root.put("description", "Three entries of one chain signed with a fixed public test key (RFC 8032 7.1 TEST 1)."
                + " jcs is the UTF-8 text of JCS(body); sig = Ed25519(jcs), base64url without padding;"
                + " hash = BLAKE2b-256(jcs || sig) in lowercase hex.");
        root.putObject("key").put("private_seed_hex", SEED_HEX).put("public_key_hex", Hex.encode(key.publicKey()))
                .put("vacant", vacant);
        ArrayNode entries = root.putArray("entries");
        LogbookChain chain = LogbookChain.empty(vacant);
        for (int i = 0; i < kinds.size(); i++) {
            LogbookEntry entry = chain.append(kinds.get(i), t0.plusSeconds(90L * i), payloads.get(i), signer);
            entries.addObject().put("jcs", new String(entry.body().canonicalBytes(), StandardCharsets.UTF_8))
                    .put("sig", entry.sig()).put("hash", entry.hash()).set("body", entry.body().toJson());
            chain = chain.after(entry);
        }
        return root;
    }

    @Test
    void publishedVectors_equalRegeneratedOnes() throws IOException {
        ObjectNode regenerated = generate();
        if (Boolean.getBoolean("vacant.vectors.write")) {
            Files.createDirectories(VECTORS.getParent());
            Files.writeString(VECTORS, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(regenerated) + "\n");
        }

        JsonNode published = Json.parse(Files.readString(VECTORS));

        assertThat(Json.write(published)).isEqualTo(Json.write(regenerated));
    }

    @Test
    void publishedVectors_verifyAsAChain() throws IOException {
        JsonNode published = Json.parse(Files.readString(VECTORS));
        List<LogbookEntry> entries = new ArrayList<>();
        for (JsonNode e : published.get("entries")) {
            LogbookBody body = Json.mapper().convertValue(e.get("body"), LogbookBody.class);
            assertThat(new String(body.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(e.get("jcs").asText());
            entries.add(new LogbookEntry(body, e.get("sig").asText(), e.get("hash").asText()));
        }

        assertThat(entries).hasSize(3);
        assertThat(ChainVerifier.verify(published.get("key").get("vacant").asText(), entries)).isEmpty();
    }
}
