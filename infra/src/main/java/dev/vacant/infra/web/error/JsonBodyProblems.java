package dev.vacant.infra.web.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.input.FieldViolation;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Classifies an unreadable request body: a {@link VacantException} raised while reading (such as
 * the body size limit) keeps its code; JSON that does not parse is {@code MALFORMED_JSON}; JSON
 * that parses but does not fit the target type (unknown property, bad enum value, wrong type) is
 * {@code VALIDATION_FAILED}, naming the field. Jackson's own messages are never echoed: they name
 * Java classes.
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {
    }

    static ProblemDetail of(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof VacantException rejected) {
                return Problems.of(rejected);
            }
        }
        if (exception.getCause() instanceof JsonMappingException mapping) {
            FieldViolation violation = Violations.of(mapping);
            return Problems.of(ErrorCode.VALIDATION_FAILED, "The request body does not match the expected schema.",
                    Map.of("errors", List.of(violation)));
        }
        return Problems.of(ErrorCode.MALFORMED_JSON, "The request body is missing or is not valid JSON.", Map.of());
    }
}
