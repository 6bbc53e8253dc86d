package dev.vacant.infra.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.auth.Role;
import java.time.Instant;

/** A token just issued: its secret ({@code token}, shown only this once) and what it is listed as. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssuedToken(String id, String token, Role role, String principal, String label, Instant createdAt) {

    IssuedToken(String token, TokenInfo info) {
        this(info.id(), token, info.role(), info.principal(), info.label(), info.createdAt());
    }
}
