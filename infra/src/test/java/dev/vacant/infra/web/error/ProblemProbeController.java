package dev.vacant.infra.web.error;

import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail in each way the error mapping must handle. */
@TestComponent
@RestController
@RequestMapping("/test/problems")
public class ProblemProbeController {

    static final String SECRET = "SELECT key_material FROM vault";

    /** A command-like body: a required name, an optional lifecycle state and an optional nested part. */
    public record ProbeRequest(@NotBlank String name, LifecycleState state, @Valid Inner inner) {
    }

    /** A nested part whose field has a two-word name. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Inner(@NotBlank String fieldName) {
    }

    @PostMapping("/echo")
    ProbeRequest echo(@Valid @RequestBody ProbeRequest request) {
        return request;
    }

    @PostMapping("/transitions/{state}/{event}")
    LifecycleState transition(@PathVariable LifecycleState state, @PathVariable LifecycleEvent event) {
        return TransitionTable.apply(state, event);
    }

    @GetMapping("/send-error/{status}")
    void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
        response.sendError(status);
    }

    @GetMapping("/failure")
    void failure() {
        throw new IllegalStateException(SECRET);
    }
}
