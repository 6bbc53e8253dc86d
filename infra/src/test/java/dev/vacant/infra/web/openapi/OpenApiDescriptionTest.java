package dev.vacant.infra.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.EmbeddedApplicationTest;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The served OpenAPI description against the running application: every controller operation with typed request and
 * answer schemas, its error answers (problem+json, with their codes), every error code, and the bearer scheme.
 */
class OpenApiDescriptionTest extends EmbeddedApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode api;

    @BeforeEach
    void description() throws Exception {
        api = Json.parse(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    /** Every operation of the application's controllers, as "METHOD path". */
    private List<String> controllerOperations() {
        List<String> operations = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.vacant.infra")) {
                info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> operations.add(method.name() + " " + path)));
            }
        });
        return operations;
    }

    private JsonNode operation(String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        return api.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }

    private List<String> describedOperations() {
        List<String> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    @Test
    void everyControllerOperation_isDescribed() {
        assertThat(controllerOperations()).hasSizeGreaterThan(40).contains("POST /api/v1/tokens",
                "GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}");

        assertThat(describedOperations()).containsAll(controllerOperations());
    }

    @Test
    void everyOperation_hasATypedAnswer_andATypedBody() {
        assertThat(api.path("components").path("schemas").has("JsonNode")).isFalse();
        for (String name : describedOperations()) {
            JsonNode operation = operation(name);
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && !response.getKey().equals("204") && !name.contains("/test/")) {
                    JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                    assertThat(schema.has("$ref") || schema.has("oneOf") || schema.path("type").asText().equals("array"))
                            .as(name + " answers " + schema).isTrue();
                }
            });
            if (operation.has("requestBody")) {
                // a JSON body is a named schema; a plain-text one (a witness's cosignature line) a string
                JsonNode content = operation.path("requestBody").path("content");
                assertThat(content.path("application/json").path("schema").has("$ref")
                        || content.path("text/plain").path("schema").path("type").asText().equals("string"))
                        .as(name + " body " + content).isTrue();
            }
        }
    }

    @Test
    void everyOperation_describesItsErrors_asProblemsWithTheirCodes() {
        for (String name : controllerOperations()) {
            JsonNode responses = operation(name).path("responses");
            for (String status : List.of("400", "404", "500")) {
                JsonNode problem = responses.path(status).path("content").path("application/problem+json").path("schema");
                assertThat(problem.path("allOf").get(0).path("$ref").asText()).as(name + " " + status)
                        .isEqualTo("#/components/schemas/Problem");
            }
        }
        JsonNode heartbeat = operation("POST /api/v1/vacants/{id}/heartbeats").path("responses");
        assertThat(heartbeat.path("429").path("description").asText()).isEqualTo("`HEARTBEAT_TOO_SOON`");
        assertThat(heartbeat.path("409").path("content").findValue("enum").toString()).isEqualTo("[\"INVALID_TRANSITION\"]");
        assertThat(heartbeat.path("401").path("description").asText()).isEqualTo("`UNAUTHENTICATED`");
        assertThat(operation("POST /api/v1/vacants/genesis").path("responses").path("413").path("description").asText())
                .isEqualTo("`PAYLOAD_TOO_LARGE`");
        assertThat(describedOperations()).containsAll(OperationErrors.SPECIFIC.keySet());
    }

    @Test
    void everyErrorCode_appearsWithItsStatus() {
        JsonNode codes = api.path("components").path("schemas").path("Problem").path("properties").path("code").path("enum");
        assertThat(StreamSupport.stream(codes.spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        String codeDescription = api.path("components").path("schemas").path("Problem").path("properties").path("code")
                .path("description").asText();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(codeDescription).as(code.name()).contains("`" + code.name() + "` " + code.httpStatus());
        }
        String description = api.toString();
        for (ErrorCode code : List.of(ErrorCode.CONSENT_REUSED, ErrorCode.WALL_DENIED, ErrorCode.GRADUATION_COLLUSION,
                ErrorCode.ARCHIVE_TOO_EARLY, ErrorCode.BAD_MANIFEST, ErrorCode.CONFLICT, ErrorCode.FORBIDDEN)) {
            assertThat(description).as(code.name()).contains("`" + code.name() + "`");
        }
    }

    @Test
    void theBearerScheme_securesEveryOperationButThePublicOnes() {
        assertThat(api.path("components").path("securitySchemes").path("bearer"))
                .isEqualTo(Json.parse("{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"vat_...\",\"description\":"
                        + api.path("components").path("securitySchemes").path("bearer").path("description") + "}"));
        assertThat(api.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        JsonNode transitions = operation("GET /api/v1/lifecycle/transitions");
        assertThat(transitions.path("security").toString()).isEqualTo("[]");
        assertThat(transitions.path("responses").has("401")).isFalse();
        assertThat(operation("GET /api/v1/tokens").has("security")).isFalse();
    }

    @Test
    void theTwoSpawnBodies_areDistinctSchemas() {
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(operation("POST /api/v1/agents/spawn").path("requestBody").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/AgentSpawnBody");
        assertThat(operation("POST /api/v1/vacants/{id}/spawn").path("requestBody").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/SpawnBody");
        assertThat(fieldNames(schemas.path("AgentSpawnBody").path("properties")))
                .containsExactlyInAnyOrder("op_id", "vacant", "lane", "parent_tuple", "yool", "data");
        assertThat(fieldNames(schemas.path("SpawnBody").path("properties"))).contains("path", "policy_mutation", "parent_b");
    }

    @Test
    void tupleAnswers_areTypedRecords() {
        assertThat(operation("POST /api/v1/lanes/{lane}/out").path("responses").path("201").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/TupleAnswer");
        assertThat(fieldNames(api.path("components").path("schemas").path("TupleView").path("properties")))
                .contains("id", "yool", "lane", "parent_id", "agent_id", "data", "receipts", "last_active");
        assertThat(operation("GET /api/v1/vacants/{id}/card").path("responses").path("200").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/CapabilityCard");
    }

    @Test
    void answersThatAreAccepted_sayTheirStatus() {
        assertThat(operation("POST /api/v1/audit/replays").path("responses").path("202").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/AuditJobView");
        assertThat(operation("POST /api/v1/projections/{name}/reset").path("responses").path("202").findValue("$ref")
                .asText()).isEqualTo("#/components/schemas/ProjectionReset");
        assertThat(operation("POST /api/v1/tokens").path("responses").path("201").findValue("$ref").asText())
                .isEqualTo("#/components/schemas/IssuedToken");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
