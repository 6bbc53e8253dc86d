package dev.vacant.infra.web.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.vacant.ConsentResult;
import dev.vacant.infra.consent.ConsentFields;
import dev.vacant.infra.consent.ConsentService;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.infra.web.vacant.VacantResponses.VacantState;
import dev.vacant.kernel.auth.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /vacants/{id}/consents}: the controller of {@code id} has it sign one of the spec's payloads. */
@RestController
public class ConsentController {

    private final ConsentService consents;
    private final ProjectionPositions positions;

    public ConsentController(ConsentService consents, ProjectionPositions positions) {
        this.consents = consents;
        this.positions = positions;
    }

    /** A granted consent: what was signed, by whom, the signature (base64url), and the signer after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Granted(String purpose, ObjectNode payload, String signer, String signature, VacantState vacant) {

        /** The answer to {@code result}, the signer's state with the event position a query can wait for. */
        public static Granted of(ConsentResult result, ProjectionPositions positions) {
            return new Granted(result.purpose(), result.payload(), result.signer(), result.signature(),
                    VacantState.of(result.head(), positions.head(), positions));
        }
    }

    @PostMapping("/api/v1/vacants/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    public Granted grant(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @RequestBody ConsentFields body) {
        ConsentResult result = consents.grant(actor, VacantRequests.vacantId("id", id).value(), body);
        return Granted.of(result, positions);
    }
}
