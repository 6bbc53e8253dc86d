package dev.vacant.infra.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.composite.Delegations;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * What came back for a delegation, as its completion records it: a result text, or an error code. Read from an
 * answer tuple's data the way the lane runner writes it: {@code {"result": <text or JSON>}} (JSON is recorded as its
 * text) or {@code {"error": {"code": ...}}}.
 *
 * @param result the result text, null for a failure
 * @param error  the error code, null for a success
 */
record DelegationAnswer(String result, String error) {

    /** No answer came back in time. */
    static final DelegationAnswer TIMED_OUT = new DelegationAnswer(null, Delegations.TIMEOUT);

    static DelegationAnswer failed(ErrorCode code) {
        return new DelegationAnswer(null, code.name());
    }

    /**
     * The answer a tuple's data carries; data with neither a result nor an error code, or a result over
     * {@link Delegations#MAX_TEXT_BYTES}, is a {@code VALIDATION_FAILED} failure.
     */
    static DelegationAnswer of(JsonNode data) {
        JsonNode result = data.path("result");
        if (!result.isMissingNode() && !result.isNull()) {
            String text = result.isTextual() ? result.asText() : Json.write(result);
            return text.isBlank() || text.getBytes(StandardCharsets.UTF_8).length > Delegations.MAX_TEXT_BYTES
                    ? failed(ErrorCode.VALIDATION_FAILED) : new DelegationAnswer(text, null);
        }
        String code = data.path("error").path("code").asText("");
        return code.matches(Delegations.ERROR_CODE) ? new DelegationAnswer(null, code)
                : failed(ErrorCode.VALIDATION_FAILED);
    }
}
