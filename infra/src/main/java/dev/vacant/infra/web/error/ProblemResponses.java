package dev.vacant.infra.web.error;

import dev.vacant.kernel.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight to a servlet response, for the layers that answer outside Spring MVC's content
 * negotiation: the security filters, the firewall, the error page.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Sets the problem's status and writes it as {@code application/problem+json}. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(Json.write(Problems.json(problem)).getBytes(StandardCharsets.UTF_8));
    }
}
