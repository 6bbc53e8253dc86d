package dev.vacant.infra.web.error;

import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, as a problem: what the container answers itself, before or outside the application (a
 * request line, URL or headers it cannot accept: an encoded {@code /} or {@code %00} in the path, oversized
 * headers), is {@code application/problem+json} with a code (see {@link Problems#forStatus(int)}) instead of
 * Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Json.write(Problems.json(Problems.forStatus(status))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already closed: nothing more to say, as Tomcat's own valve
        }
    }
}
