package dev.vacant.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The checkpoint endpoints of a running node, over HTTP, for the offline commands. */
final class NodeClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    /** @param token bearer token (only inclusion proofs need one); null for none */
    NodeClient(String url, String token) {
        this.base = url.replaceAll("/+$", "") + "/api/v1";
        this.token = token;
    }

    JsonNode latest() {
        return get("/checkpoints/latest");
    }

    JsonNode inclusion(String vacant, long seq, long size) {
        return get("/proofs/inclusion?vacant=" + URLEncoder.encode(vacant, StandardCharsets.UTF_8) + "&seq=" + seq
                + "&size=" + size);
    }

    JsonNode consistency(long from, long to) {
        return get("/proofs/consistency?from=" + from + "&to=" + to);
    }

    void cosign(long size, String line) {
        send(HttpRequest.newBuilder(URI.create(base + "/checkpoints/" + size + "/cosignatures"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(line)));
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the node answered " + response.statusCode() + ": " + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the node at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
