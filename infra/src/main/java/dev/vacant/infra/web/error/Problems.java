package dev.vacant.infra.web.error;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
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

    /** Whether the problem already names its code. */
    static boolean isStamped(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(CODE_PROPERTY);
    }

    private static String title(ErrorCode code) {
        String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
