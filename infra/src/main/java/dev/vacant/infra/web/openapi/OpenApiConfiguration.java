package dev.vacant.infra.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.security.SecurityConfiguration;
import dev.vacant.kernel.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI description ({@code /v3/api-docs}): the bearer security scheme (so the UI offers "Authorize"), required
 * by every operation but the public ones, and on every operation its error answers, {@code application/problem+json}
 * with the {@code Problem} schema, one response per HTTP status naming its codes ({@link OperationErrors}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // free-form JSON (a bundle, a logbook body, a tuple's data) is an object, not a schema named after Jackson's type
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema())
                .replaceWithSchema(ObjectNode.class, new ObjectSchema());
    }

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI vacantOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vacant API").version("v1").description("REST surface of Vacant (docs/api.md). "
                        + "Errors are RFC 9457 problems with a stable code (docs/errors.md)."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("vat_...").description("An API token (POST /api/v1/tokens, or "
                                        + "'vacant token create'), sent as 'Authorization: Bearer <token>'.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        AntPathMatcher paths = new AntPathMatcher();
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> describe(path, item, paths));
        };
    }

    private static void describe(String path, PathItem item, AntPathMatcher paths) {
        boolean needsToken = SecurityConfiguration.PUBLIC_API.stream().noneMatch(open -> paths.match(open, path));
        item.readOperationsMap().forEach((method, operation) -> {
            if (!needsToken) {
                operation.setSecurity(List.of());
            }
            describeErrors(operation, OperationErrors.of(method.name() + " " + path,
                    operation.getRequestBody() != null, needsToken));
        });
    }

    private static void describeErrors(Operation operation, List<ErrorCode> codes) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        Map<Integer, List<ErrorCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, coded) -> responses.addApiResponse(String.valueOf(status), new ApiResponse()
                .description(coded.stream().map(code -> "`" + code.name() + "`").collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemOf(coded))))));
        operation.setResponses(responses);
    }

    /** The problem schema narrowed to {@code codes}. */
    private static Schema<?> problemOf(List<ErrorCode> codes) {
        return new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                new ObjectSchema().addProperty("code", codeSchema(codes))));
    }

    private static Schema<?> problemSchema() {
        Schema<Object> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the offending field's path; empty for the body"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 9457 problem. 'code' is stable; rejections may carry more details as properties.")
                .addProperty("type", new StringSchema().format("uri").example("https://vacant.dev/errors/not_found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", codeSchema(List.of(ErrorCode.values())).description("The stable error code and "
                        + "its HTTP status: " + Arrays.stream(ErrorCode.values())
                        .map(code -> "`" + code.name() + "` " + code.httpStatus()).collect(Collectors.joining(", "))))
                .addProperty("errors", new ArraySchema().items(violation)
                        .description("VALIDATION_FAILED: every field violation"))
                .required(List.of("type", "title", "status", "code"))
                .additionalProperties(true);
    }

    private static Schema<String> codeSchema(List<ErrorCode> codes) {
        StringSchema code = new StringSchema();
        codes.forEach(each -> code.addEnumItem(each.name()));
        return code;
    }
}
