package dev.vacant.infra.web.error;

import ch.qos.logback.classic.Level;
import dev.vacant.infra.support.ExpectedLog;
import dev.vacant.infra.support.OperatorMockMvc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vacant.infra.EmbeddedApplicationTest;
import dev.vacant.infra.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class ProblemDetailsTest extends EmbeddedApplicationTest {

    private static final String ECHO = "/test/problems/echo";

    @Autowired
    private MockMvc mvc;

    @LocalServerPort
    private int port;

    @Autowired
    private OperatorMockMvc.OperatorToken operatorToken;

    @Test
    void malformedJson_answersMalformedJson400_whenTheBodyDoesNotParse() throws Exception {
        postJson(ECHO, "{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"))
                .andExpect(jsonPath("$.type").value("https://vacant.dev/errors/malformed_json"))
                .andExpect(jsonPath("$.title").value("Malformed json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void unknownProperty_answersValidationFailed400_namingTheProperty() throws Exception {
        postJson(ECHO, "{\"name\": \"a\", \"bogus\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("bogus"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown property"));
    }

    @Test
    void badEnumValue_answersValidationFailed400_namingTheField() throws Exception {
        postJson(ECHO, "{\"name\": \"a\", \"state\": \"ASLEEP\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.detail", not(containsString("dev.vacant"))));
    }

    @Test
    void beanValidationFailure_answersValidationFailed400_withFieldErrors() throws Exception {
        postJson(ECHO, "{\"name\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void validBody_isAccepted_whenItFitsTheSchema() throws Exception {
        postJson(ECHO, "{\"name\": \"a\", \"state\": \"STALE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STALE"));
    }

    @Test
    void oversizedBody_answersPayloadTooLarge413_whenContentLengthExceedsOneMiB() throws Exception {
        postJson(ECHO, jsonBodyOf(RequestBodyLimitFilter.MAX_BODY_BYTES + 1))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.limitBytes").value(RequestBodyLimitFilter.MAX_BODY_BYTES));
    }

    @Test
    void oversizedBody_answersPayloadTooLarge413_whenSentChunkedWithoutContentLength() throws IOException, InterruptedException {
        byte[] body = jsonBodyOf(RequestBodyLimitFilter.MAX_BODY_BYTES + 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ECHO))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .header("Authorization", "Bearer " + operatorToken.value())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void invalidTransition_answersInvalidTransition409_namingStateAndEvent() throws Exception {
        mvc.perform(post("/test/problems/transitions/ARCHIVED/HEARTBEAT"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_TRANSITION"))
                .andExpect(jsonPath("$.type").value("https://vacant.dev/errors/invalid_transition"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.state").value("ARCHIVED"))
                .andExpect(jsonPath("$.event").value("HEARTBEAT"));
    }

    @Test
    void unknownRoute_answersNotFound404() throws Exception {
        mvc.perform(get("/api/v1/no-such-resource"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void unsupportedMethod_answersMethodNotAllowed405() throws Exception {
        mvc.perform(delete(ECHO))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unsupportedOrWildcardContentType_answersUnsupportedMediaType415() throws Exception {
        for (String contentType : new String[] {"text/plain", "*/*", "application/*"}) {
            mvc.perform(post(ECHO).contentType(contentType).content("{\"name\": \"a\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }
    }

    @Test
    void beanValidationFailure_namesNestedFieldsInSnakeCase() throws Exception {
        postJson(ECHO, "{\"name\": \"a\", \"inner\": {\"field_name\": \"\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("inner.field_name"));
    }

    @Test
    void tomcatRefusal_isAProblem_notTomcatsHtmlPage() {
        RawHttp.Answer answer = new RawHttp(port).exchange("GET", "/api/v1/vacants/a%2Fb", Map.of(), new byte[0]);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.body()).doesNotContain("<html");
    }

    @Test
    void oversizedHeaders_areAProblem() {
        RawHttp.Answer answer = new RawHttp(port).exchange("GET", "/api/v1/lifecycle/transitions",
                Map.of("X-Big", "b".repeat(64 * 1024)), new byte[0]);

        assertProblem(answer, 400, "VALIDATION_FAILED");
    }

    @Test
    void firewallRejection_isAProblem400_notAServerError() {
        RawHttp.Answer answer = new RawHttp(port).exchange("GET", "/api/v1/vacants/a;b",
                Map.of("Authorization", "Bearer " + operatorToken.value()), new byte[0]);

        assertProblem(answer, 400, "VALIDATION_FAILED");
    }

    @Test
    void containerErrorPage_isAProblemCodedByItsStatus_notTheFrameworksDefaultJson() {
        RawHttp.Answer answer = new RawHttp(port).exchange("GET", "/test/problems/send-error/404",
                Map.of("Authorization", "Bearer " + operatorToken.value()), new byte[0]);

        assertProblem(answer, 404, "NOT_FOUND");
        assertThat(answer.json().has("error")).isFalse();
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    }

    @Test
    void unexpectedFailure_answersInternal500_withoutLeakingTheCause() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(ProblemDetailsAdvice.class)) {
            mvc.perform(get("/test/problems/failure"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("INTERNAL"))
                    .andExpect(jsonPath("$.detail").value(Problems.INTERNAL_DETAIL))
                    .andExpect(content().string(not(containsString(ProblemProbeController.SECRET))))
                    .andExpect(content().string(not(containsString("Exception"))));
            // the cause goes to the log (for the operator), never into the answer
            assertThat(log.messages(Level.ERROR)).containsExactly("Request failed unexpectedly");
        }
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String jsonBodyOf(long bytes) {
        String prefix = "{\"name\": \"";
        return prefix + "a".repeat((int) bytes - prefix.length() - 2) + "\"}";
    }
}
