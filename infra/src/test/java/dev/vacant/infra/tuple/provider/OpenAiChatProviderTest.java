package dev.vacant.infra.tuple.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.time.MutableClock;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible provider against a real HTTP server on loopback, alone and behind the guard. */
class OpenAiChatProviderTest {

    static final String COMPLETION = """
            {"id": "chatcmpl-1", "model": "gpt-test-2025", "choices": [{"index": 0,
             "message": {"role": "assistant", "content": "HELLO"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 9, "completion_tokens": 1, "total_tokens": 10}}""";

    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final ProviderGuard guard = new ProviderGuard(new ProviderGuard.Policy(3, Duration.ofMillis(1),
            Duration.ofMillis(2), 0.25, 5, Duration.ofSeconds(30)), new MutableClock(Instant.EPOCH), retries);
    private OpenAiChatProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = provider(Duration.ofSeconds(5));
    }

    private OpenAiChatProvider provider(Duration timeout) {
        return new OpenAiChatProvider(server.url("/").uri(), "sk-test", "gpt-test", timeout);
    }

    @AfterEach
    void stop() throws IOException {
        retries.shutdownNow();
        server.shutdown();
    }

    static MockResponse completion() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(COMPLETION);
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setBody("{\"error\": {\"message\": \"no\"}}");
    }

    private JsonNode guarded(JsonNode data) throws Exception {
        try {
            return guard.call(provider, "summarise", data).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void call_postsTheDefaultModelAndTheDataAsTheUserMessage_withTheBearerKey() throws Exception {
        server.enqueue(completion());
        JsonNode data = Json.object().put("text", "hello");

        provider.call("summarise", data);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.parse(request.getBody().readUtf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("{\"text\":\"hello\"}");
    }

    @Test
    void call_sendsTheDataOwnMessagesAndItsMaxTokens_whenItHasMessages() throws Exception {
        server.enqueue(completion());
        JsonNode data = Json.parse("""
                {"model": "m", "messages": [{"role": "user", "content": "Say hi"}], "max_tokens": 42}""");

        provider.call("task.llm", data);

        JsonNode body = Json.parse(server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8());
        assertThat(body).isEqualTo(data);
    }

    @Test
    void call_usesTheModelNamedByTheData_whenThereIsOne() throws Exception {
        server.enqueue(completion());

        provider.call("summarise", Json.object().put("model", "other-model").put("text", "x"));

        assertThat(Json.parse(server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8()).get("model").asText())
                .isEqualTo("other-model");
    }

    @Test
    void call_answersTheFirstChoicesContentWithModelAndUsage() {
        server.enqueue(completion());

        JsonNode output = provider.call("summarise", Json.object());

        assertThat(output).isEqualTo(Json.parse("""
                {"content": "HELLO", "model": "gpt-test-2025",
                 "usage": {"prompt_tokens": 9, "completion_tokens": 1, "total_tokens": 10}}"""));
    }

    @Test
    void call_failsRejected_whenTheAnswerHasNoContent() {
        server.enqueue(new MockResponse().setBody("{\"choices\": []}"));

        assertThatThrownBy(() -> provider.call("summarise", Json.object()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                });
    }

    @Test
    void guardedCall_isRetriedAndSucceeds_whenTheFirstAnswerIs429() throws Exception {
        server.enqueue(status(429));
        server.enqueue(completion());

        JsonNode output = guarded(Json.object().put("text", "hi"));

        assertThat(output.get("content").asText()).isEqualTo("HELLO");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void guardedCall_isNotRetried_whenTheAnswerIs400() {
        server.enqueue(status(400));
        server.enqueue(completion());

        assertThatThrownBy(() -> guarded(Json.object())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.getMessage()).isEqualTo("openai answered HTTP 400");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void guardedCalls_openTheBreaker_afterFiveAnswersOf500() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(status(500));
        }

        assertThatThrownBy(() -> guarded(Json.object())).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_FAILED));
        assertThatThrownBy(() -> guarded(Json.object())).isInstanceOf(CallNotPermittedException.class);

        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(guard.states()).containsEntry("openai", CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> guarded(Json.object())).isInstanceOf(CallNotPermittedException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void call_failsTransiently_whenTheServerAnswersLaterThanTheTimeout() {
        server.enqueue(completion().setHeadersDelay(2, TimeUnit.SECONDS));
        OpenAiChatProvider impatient = provider(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.call("summarise", Json.object()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("openai timed out");
                });
    }

    @Test
    void call_failsTransiently_whenNothingListens() throws IOException {
        server.shutdown();

        assertThatThrownBy(() -> provider.call("summarise", Json.object()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("openai could not be reached");
                });
    }
}
