package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gRPC status of every error code is the one {@code docs/errors.md} lists, with the code as ErrorInfo reason. */
class GrpcErrorsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| \\d+ \\| ([A-Z_]+) \\|");

    @Test
    void everyCode_answersTheStatusOfErrorsMd_withItsCodeAsReason() throws IOException {
        Map<String, String> documented = Files.readAllLines(Path.of("..", "docs", "errors.md")).stream()
                .map(ROW::matcher).filter(Matcher::find)
                .collect(Collectors.toMap(row -> row.group(1), row -> row.group(2)));

        assertThat(documented.keySet()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).toArray(String[]::new));
        for (ErrorCode code : ErrorCode.values()) {
            StatusRuntimeException status = GrpcErrors.toStatus(new VacantException(code, "because", Map.of("state", "ACTIVE")));
            assertThat(status.getStatus().getCode()).as(code.name()).isEqualTo(Status.Code.valueOf(documented.get(code.name())));
            assertThat(GrpcClients.errorInfo(status)).hasValueSatisfying(info -> {
                assertThat(info.getReason()).isEqualTo(code.name());
                assertThat(info.getMetadataMap()).containsEntry("state", "ACTIVE");
            });
        }
    }
}
