package dev.vacant.infra.web.error;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems of the REST API: every problem names a stable {@link ErrorCode} in
 * its {@code type} ({@code https://vacant.dev/errors/<code>}), its {@code title} and its
 * {@code code} property.
 */
public final class Problems {

    /** The name of the property carrying the {@link ErrorCode}. */
    public static final String CODE_PROPERTY = "code";

    /** The detail of every server error: its cause is only logged. */
    public static final String INTERNAL_DETAIL = "An unexpected error occurred.";

    private static final String TYPE_PREFIX = "https://vacant.dev/errors/";

    private Problems() {
    }

    /** A problem with the status of {@code code}, the given detail and extra properties. */
    public static ProblemDetail of(ErrorCode code, String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        properties.forEach(problem::setProperty);
        return stamp(problem, code);
    }

    /** The problem of a rejected request: its code, message and details. */
    public static ProblemDetail of(VacantException rejected) {
        return of(rejected.code(), rejected.getMessage(), rejected.details());
    }

    /** Sets type, title and code of {@code code} on a problem, keeping its status and detail. */
    public static ProblemDetail stamp(ProblemDetail problem, ErrorCode code) {
        problem.setType(URI.create(TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT)));
        problem.setTitle(title(code));
        problem.setProperty(CODE_PROPERTY, code.name());
        return problem;
    }

    /**
     * A problem for a bare status (the servlet container's error page, the firewall, the framework's own errors):
     * coded by {@link #codeFor(int)}, with the status's reason phrase as detail (a generic one for server errors).
     */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String detail = status >= 500 ? INTERNAL_DETAIL
                : "The request was rejected: " + (known == null ? "status " + status : known.getReasonPhrase()) + ".";
        return stamp(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail), codeFor(status));
    }

    /** The code of a problem that only has a status: 401, 403, 404, 405, 413 and 415 have their own. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
        };
    }

    /** The problem+json document of a problem: its standard members and its properties, flat. */
    public static ObjectNode json(ProblemDetail problem) {
        ObjectNode json = Json.object();
        json.put("type", String.valueOf(problem.getType()));
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((name, value) -> json.set(name, Json.mapper().valueToTree(value)));
        }
        return json;
    }

    /** Whether the problem already names its code. */
    static boolean isStamped(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(CODE_PROPERTY);
    }

    private static String title(ErrorCode code) {
        String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
