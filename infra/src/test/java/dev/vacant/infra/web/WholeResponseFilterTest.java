package dev.vacant.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.vacant.VacantApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A response body goes out in one write with its length when it fits the server's buffer (issue 18). */
class WholeResponseFilterTest extends VacantApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aJsonAnswer_isSentWithItsLength_notChunked() throws Exception {
        HttpResponse<byte[]> vacants = get("/api/v1/vacants?limit=1", aliceToken);

        assertThat(vacants.statusCode()).isEqualTo(200);
        assertThat(vacants.body().length).as("within the server's 8 KiB buffer").isLessThan(8 * 1024);
        assertThat(vacants.headers().firstValueAsLong("Content-Length")).hasValue(vacants.body().length);
        assertThat(vacants.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void aBodyLargerThanTheBuffer_stillArrivesWhole() throws Exception {
        HttpResponse<byte[]> openApi = get("/v3/api-docs", null);

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body().length).isGreaterThan(64 * 1024);
        assertThat(new String(openApi.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{").endsWith("}");
    }
}
