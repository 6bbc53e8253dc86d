package dev.vacant.infra.web.query;

import dev.vacant.infra.web.query.LogbookVerifications.Verification;
import dev.vacant.kernel.auth.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /vacants/{id}/logbook/verification}: one vacant's chain verified from the event store ({@link LogbookVerifications}). */
@RestController
public class LogbookVerificationController {

    private final LogbookVerifications verifications;

    public LogbookVerificationController(LogbookVerifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/api/v1/vacants/{id}/logbook/verification")
    public Verification verify(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return verifications.verify(actor, id);
    }
}
