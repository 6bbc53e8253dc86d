package dev.vacant.infra.tuple.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.command.tuple.lane.ProviderPort;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A provider speaking the OpenAI chat-completions API (OpenAI and the many servers compatible with it), over the
 * JDK's {@link HttpClient}: {@code POST {baseUrl}/v1/chat/completions} with {@code Authorization: Bearer <key>}
 * (when a key is set), the model named by the data's {@code model} (else the default), and the (compressed) data as
 * JSON in one user message, or the data's own {@code messages} when it has them (the task loop's calls, with their
 * {@code max_tokens} cut-off). Answers {@code {content, model, usage}} from {@code choices[0].message.content}.
 * Timeouts, connection errors, HTTP 429 and 5xx are transient {@link ProviderException}s; other statuses and an
 * answer without content are not.
 */
public final class OpenAiChatProvider implements ProviderPort {

    /** The provider's name (and its circuit breaker's). */
    public static final String NAME = "openai";

    private final URI endpoint;
    private final String apiKey;
    private final String defaultModel;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl      the server, e.g. {@code https://api.openai.com}
     * @param apiKey       the bearer token; blank: no {@code Authorization} header
     * @param defaultModel the model of tasks whose data names none
     * @param timeout      bounds connecting and each whole call
     */
    public OpenAiChatProvider(URI baseUrl, String apiKey, String defaultModel, Duration timeout) {
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v1/chat/completions");
        this.apiKey = apiKey;
        this.defaultModel = defaultModel;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode call(String yool, JsonNode data) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(completion(data))));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw ProviderException.timeout(NAME);
        } catch (IOException e) {
            throw ProviderException.connection(NAME, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.cancelled(NAME);
        }
        if (response.statusCode() / 100 != 2) {
            throw ProviderException.status(NAME, response.statusCode());
        }
        return output(response.body());
    }

    private ObjectNode completion(JsonNode data) {
        JsonNode model = data.path("model");
        ObjectNode completion = Json.object().put("model", model.isTextual() ? model.asText() : defaultModel);
        if (data.path("messages").isArray()) {
            completion.set("messages", data.get("messages"));
            if (data.path("max_tokens").canConvertToLong()) {
                completion.put("max_tokens", data.get("max_tokens").asLong());
            }
        } else {
            completion.putArray("messages").addObject().put("role", "user").put("content", Json.write(data));
        }
        return completion;
    }

    private static JsonNode output(String body) {
        JsonNode answer;
        try {
            answer = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw ProviderException.unreadable(NAME, "no JSON");
        }
        JsonNode content = answer.at("/choices/0/message/content");
        if (!content.isTextual()) {
            throw ProviderException.unreadable(NAME, "no choices[0].message.content");
        }
        ObjectNode output = Json.object().put("content", content.asText());
        if (answer.path("model").isTextual()) {
            output.put("model", answer.get("model").asText());
        }
        if (answer.path("usage").isObject()) {
            output.set("usage", answer.get("usage"));
        }
        return output;
    }
}
