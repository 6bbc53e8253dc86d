package dev.vacant.infra.web.token;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.security.IssuedToken;
import dev.vacant.infra.security.TokenAdministration;
import dev.vacant.infra.security.TokenInfo;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.TokenGrant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens, for operators: issue (the secret once), list (no secrets), revoke ({@link TokenAdministration}). */
@RestController
@RequestMapping("/api/v1/tokens")
public class TokenController {

    private final TokenAdministration tokens;

    public TokenController(TokenAdministration tokens) {
        this.tokens = tokens;
    }

    /** {@code role}: operator or controller; {@code controller}: the principal a controller token acts as. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateTokenBody(String role, String controller, String label) {
    }

    /** The tokens, oldest first. */
    public record TokenList(List<TokenInfo> items) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedToken create(@AuthenticationPrincipal Actor actor, @RequestBody CreateTokenBody body) {
        return tokens.issue(actor, TokenGrant.of(body.role(), body.controller(), body.label()));
    }

    @GetMapping
    public TokenList list(@AuthenticationPrincipal Actor actor) {
        return new TokenList(tokens.list(actor));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        tokens.revoke(actor, id);
    }
}
