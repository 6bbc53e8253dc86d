package dev.vacant.kernel.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/errors.md} lists every {@link ErrorCode} with its HTTP and gRPC status and an example answer. */
class ErrorCatalogueTest {

    private static final Path CATALOGUE = Path.of("..", "docs", "errors.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\| ([A-Z_]+) \\|", Pattern.MULTILINE);
    private static final Pattern EXAMPLE = Pattern.compile("^### `([A-Z_]+)`\\n```json\\n(.+?)\\n```", Pattern.MULTILINE);

    @Test
    void everyCode_isListedWithItsHttpAndGrpcStatus_andNothingElseIs() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = ROW.matcher(Files.readString(CATALOGUE));
        while (row.find()) {
            ErrorCode code = ErrorCode.valueOf(row.group(1));
            assertThat(row.group(2)).as(code.name()).isEqualTo(String.valueOf(code.httpStatus()));
            assertThat(row.group(3)).as(code.name()).isEqualTo(code.grpcStatus());
            listed.add(code.name());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void everyCode_hasAProblemJsonExample_withItsCodeStatusAndType() throws IOException {
        Set<String> examples = new LinkedHashSet<>();
        Matcher example = EXAMPLE.matcher(Files.readString(CATALOGUE));
        while (example.find()) {
            ErrorCode code = ErrorCode.valueOf(example.group(1));
            JsonNode problem = Json.parse(example.group(2));
            assertThat(problem.path("code").asText()).isEqualTo(code.name());
            assertThat(problem.path("status").asInt()).as(code.name()).isEqualTo(code.httpStatus());
            assertThat(problem.path("type").asText())
                    .isEqualTo("https://vacant.dev/errors/" + code.name().toLowerCase(Locale.ROOT));
            assertThat(problem.path("title").asText()).isNotEmpty();
            assertThat(problem.path("detail").asText()).isNotEmpty();
            examples.add(code.name());
        }
        assertThat(examples).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }
}
