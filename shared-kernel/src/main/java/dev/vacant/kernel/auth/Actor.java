package dev.vacant.kernel.auth;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.Objects;

/** The authenticated principal on whose behalf a command runs. */
public record Actor(String principal, Role role) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Requires the operator role, else {@code FORBIDDEN}. */
    public void requireOperator() {
        if (!isOperator()) {
            throw new VacantException(ErrorCode.FORBIDDEN, "only an operator may do this");
        }
    }

    /** Whether this actor is an operator or the principal {@code controller}. */
    public boolean controls(String controller) {
        return isOperator() || principal.equals(controller);
    }

    /** Requires the operator role or control of a vacant controlled by {@code controller}, else {@code FORBIDDEN}. */
    public void requireControlOf(String controller) {
        if (!controls(controller)) {
            throw new VacantException(ErrorCode.FORBIDDEN, "the caller does not control this vacant");
        }
    }
}
