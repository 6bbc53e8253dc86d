package dev.vacant.infra.security;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.auth.TokenGrant;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.List;

/**
 * The API token use cases behind every adapter (REST, gRPC, the CLI): an operator issues, lists and revokes tokens.
 * Adapters only translate; the rules are {@link TokenGrant}'s and {@link Actor#requireOperator()}.
 */
public class TokenAdministration {

    /** The actor of the offline CLI: whoever holds the database's credentials may manage its tokens. */
    public static final Actor DATABASE_OPERATOR = new Actor("database-operator", Role.OPERATOR);

    private final ApiTokens tokens;

    public TokenAdministration(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Issues a token; its secret is in the answer only. {@code FORBIDDEN} unless {@code actor} is an operator. */
    public IssuedToken issue(Actor actor, TokenGrant grant) {
        actor.requireOperator();
        return tokens.issue(grant);
    }

    /** Every token without its secret. {@code FORBIDDEN} unless {@code actor} is an operator. */
    public List<TokenInfo> list(Actor actor) {
        actor.requireOperator();
        return tokens.list();
    }

    /** Revokes token {@code id} on every instance within {@link ApiTokens#REMEMBERED}; {@code NOT_FOUND} if unknown. */
    public void revoke(Actor actor, String id) {
        actor.requireOperator();
        if (!tokens.revoke(id)) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no such token: " + id);
        }
    }
}
