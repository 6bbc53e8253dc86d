package dev.vacant.kernel.auth;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.Locale;

/**
 * What a new API token stands for: its role, the principal it acts as and an optional label for the humans who
 * manage it. Every way of issuing a token (REST, gRPC, the CLI) reads its request through {@link #of}, so the
 * rules live here: the role is {@code operator} or {@code controller} (any case); a controller token names its
 * controller; an operator token may name its principal (default {@value #OPERATOR}); a principal is 1 to
 * {@value #MAX_PRINCIPAL} characters without whitespace or control characters; a label at most
 * {@value #MAX_LABEL} characters without control characters. A violation is {@code VALIDATION_FAILED}.
 */
public record TokenGrant(Role role, String principal, String label) {

    /** The principal of an operator token that names none. */
    public static final String OPERATOR = "operator";
    public static final int MAX_PRINCIPAL = 128;
    public static final int MAX_LABEL = 200;

    public TokenGrant {
        if (role == null) {
            throw invalid("role: operator or controller is required");
        }
        String problem = principalProblem(principal);
        if (problem != null) {
            throw invalid((role == Role.CONTROLLER ? "controller: " : "principal: ") + problem);
        }
        if (label != null && (label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl))) {
            throw invalid("label: at most " + MAX_LABEL + " characters, no control characters");
        }
    }

    /** Reads a request: {@code role} operator|controller, the {@code controller} it names, an optional {@code label}. */
    public static TokenGrant of(String role, String controller, String label) {
        Role parsed = role(role);
        if (parsed == Role.OPERATOR && controller == null) {
            return new TokenGrant(parsed, OPERATOR, label);
        }
        return new TokenGrant(parsed, controller, label);
    }

    private static Role role(String role) {
        if (role == null) {
            return null;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "operator" -> Role.OPERATOR;
            case "controller" -> Role.CONTROLLER;
            default -> throw invalid("role: must be operator or controller");
        };
    }

    /** Why {@code principal} cannot name a principal, or null when it can. */
    private static String principalProblem(String principal) {
        if (principal == null || principal.isEmpty()) {
            return "required";
        }
        if (principal.length() > MAX_PRINCIPAL) {
            return "at most " + MAX_PRINCIPAL + " characters";
        }
        if (principal.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "no whitespace or control characters";
        }
        return null;
    }

    private static VacantException invalid(String message) {
        return new VacantException(ErrorCode.VALIDATION_FAILED, message);
    }
}
