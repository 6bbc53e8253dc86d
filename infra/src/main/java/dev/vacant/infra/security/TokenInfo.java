package dev.vacant.infra.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.auth.Role;
import java.time.Instant;

/** An API token as it is listed: never its secret. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenInfo(String id, Role role, String principal, String label, Instant createdAt) {
}
