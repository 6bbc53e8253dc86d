package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.tuple.Receipts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Execution lanes end to end: a task written over REST to lane {@code tasks} is run by the lane runner (on the
 * OpenAI-compatible provider, here a real HTTP server on loopback, or on a local executor) and its result is
 * taken over REST from {@code tasks.results}.
 */
@Import(ExecutionLaneApiTest.LocalExecutors.class)
class ExecutionLaneApiTest extends VacantApiTestBase {

    private static final MockWebServer MODEL = new MockWebServer();

    static {
        try {
            MODEL.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("vacant.providers.openai.base-url", () -> MODEL.url("/").toString());
        registry.add("vacant.providers.openai.model", () -> "gpt-test");
        registry.add("vacant.providers.openai.api-key", () -> "sk-test");
    }

    @AfterAll
    static void stopModel() throws IOException {
        MODEL.shutdown();
    }

    /** Yool {@code shout} runs in process. */
    @TestConfiguration
    static class LocalExecutors {
        @Bean
        LocalExecutor shout() {
            return data -> Json.object().put("text", data.path("text").asText().toUpperCase());
        }
    }

    private String vacant;

    @BeforeEach
    void aliceVacant() {
        vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", operator).status()).isEqualTo(200);
    }

    private String task(String yool, ObjectNode data) {
        Response written = api.post("/api/v1/lanes/tasks/out", aliceToken, Json.object().put("vacant", vacant)
                .put("yool", yool).<ObjectNode>set("map", Json.mapper().createArrayNode().add(3).add(4))
                .set("data", data));
        assertThat(written.status()).isEqualTo(201);
        return written.body().at("/tuple/id").asText();
    }

    private JsonNode result(String taskId) {
        Response taken = api.post("/api/v1/lanes/tasks.results/in", aliceToken, Json.object().put("vacant", vacant)
                .put("timeout_ms", 20_000).set("template", Json.object().put("parent_id", taskId)));
        assertThat(taken.status()).isEqualTo(200);
        return taken.body().get("tuple");
    }

    private static ObjectNode text(String text) {
        return Json.object().put("text", text + " " + UUID.randomUUID());
    }

    private static MockResponse completion(String content) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                {"model": "gpt-test", "choices": [{"message": {"role": "assistant", "content": "%s"}}],
                 "usage": {"prompt_tokens": 7, "completion_tokens": 2, "total_tokens": 9}}""".formatted(content));
    }

    @Test
    void providerTask_getsTheModelsAnswerAsResult_withProviderReceipt() throws Exception {
        MODEL.enqueue(completion("a summary"));
        ObjectNode data = text("summarise me");

        String taskId = task("summarise", data);
        JsonNode result = result(taskId);

        assertThat(result.get("parent_id").asText()).isEqualTo(taskId);
        assertThat(result.get("authority").asText()).isEqualTo(vacant);
        assertThat(result.at("/data/result/content").asText()).isEqualTo("a summary");
        assertThat(result.at("/data/result/usage/total_tokens").asInt()).isEqualTo(9);
        assertThat(result.at("/receipts/0").asText()).startsWith("out@");
        assertThat(result.at("/receipts/1").asText())
                .isEqualTo(Receipts.of("provider", InputDigest.of("summarise", data), "openai"));
        assertThat(result.at("/receipts/2").asText()).startsWith("in@");
        RecordedRequest request = MODEL.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(Json.parse(request.getBody().readUtf8()).at("/messages/0/content").asText())
                .isEqualTo(Json.write(data));
    }

    @Test
    void localTask_runsInProcess_withLocalRouteReceiptAndNoProviderRequest() {
        int requests = MODEL.getRequestCount();
        ObjectNode data = text("shout me");

        JsonNode result = result(task("shout", data));

        assertThat(result.at("/data/result/text").asText()).isEqualTo(data.get("text").asText().toUpperCase());
        assertThat(result.at("/receipts/1").asText())
                .isEqualTo(Receipts.of("local_route", InputDigest.of("shout", data)));
        assertThat(MODEL.getRequestCount()).isEqualTo(requests);
    }

    @Test
    void identicalTask_isAnsweredFromTheCache_withCacheHitReceiptAndOneProviderRequest() throws Exception {
        MODEL.enqueue(completion("once"));
        int requests = MODEL.getRequestCount();
        ObjectNode data = text("cache me");

        JsonNode first = result(task("summarise", data));
        JsonNode second = result(task("summarise", data.deepCopy()));

        assertThat(first.at("/receipts/1").asText()).startsWith("provider@");
        assertThat(second.at("/data/result/content").asText()).isEqualTo("once");
        assertThat(second.at("/receipts/1").asText())
                .isEqualTo(Receipts.of("cache_hit", InputDigest.of("summarise", data)));
        assertThat(MODEL.getRequestCount()).isEqualTo(requests + 1);
        assertThat(MODEL.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    }
}
