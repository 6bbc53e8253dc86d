package dev.vacant.infra.web.openapi;

import static dev.vacant.kernel.error.ErrorCode.ARCHIVE_TOO_EARLY;
import static dev.vacant.kernel.error.ErrorCode.BAD_MANIFEST;
import static dev.vacant.kernel.error.ErrorCode.BAD_SIGNATURE;
import static dev.vacant.kernel.error.ErrorCode.CONFLICT;
import static dev.vacant.kernel.error.ErrorCode.CONSENT_REQUIRED;
import static dev.vacant.kernel.error.ErrorCode.CONSENT_REUSED;
import static dev.vacant.kernel.error.ErrorCode.FORBIDDEN;
import static dev.vacant.kernel.error.ErrorCode.GRADUATION_COLLUSION;
import static dev.vacant.kernel.error.ErrorCode.GRADUATION_CONSENT;
import static dev.vacant.kernel.error.ErrorCode.GRADUATION_RATE_LIMITED;
import static dev.vacant.kernel.error.ErrorCode.HEARTBEAT_TOO_SOON;
import static dev.vacant.kernel.error.ErrorCode.INTERNAL;
import static dev.vacant.kernel.error.ErrorCode.INVALID_TRANSITION;
import static dev.vacant.kernel.error.ErrorCode.MALFORMED_JSON;
import static dev.vacant.kernel.error.ErrorCode.NOT_FOUND;
import static dev.vacant.kernel.error.ErrorCode.PAYLOAD_TOO_LARGE;
import static dev.vacant.kernel.error.ErrorCode.TOOLS_NOT_SUBSET;
import static dev.vacant.kernel.error.ErrorCode.UNAUTHENTICATED;
import static dev.vacant.kernel.error.ErrorCode.VALIDATION_FAILED;
import static dev.vacant.kernel.error.ErrorCode.WALL_DENIED;
import static java.util.Map.entry;

import dev.vacant.kernel.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The error codes each REST operation may answer, as data ({@code docs/errors.md}): the common ones every operation
 * shares, by what it takes (a body, a token), and the rule-specific ones of the operations that have any, keyed
 * {@code "METHOD path"} as in the OpenAPI description.
 */
final class OperationErrors {

    private static final List<ErrorCode> LIFECYCLE = List.of(INVALID_TRANSITION);
    private static final List<ErrorCode> TUPLES = List.of(WALL_DENIED);

    static final Map<String, List<ErrorCode>> SPECIFIC = Map.ofEntries(
            entry("POST /api/v1/vacants/{id}/heartbeats", List.of(INVALID_TRANSITION, HEARTBEAT_TOO_SOON)),
            entry("POST /api/v1/vacants/{id}/calls", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/reviews", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/revive", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/archive", List.of(INVALID_TRANSITION, ARCHIVE_TOO_EARLY)),
            entry("POST /api/v1/vacants/{id}/publish", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/samples", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/anchor/reset", LIFECYCLE),
            entry("POST /api/v1/vacants/{id}/spawn", List.of(INVALID_TRANSITION, CONFLICT, TOOLS_NOT_SUBSET,
                    CONSENT_REQUIRED, CONSENT_REUSED, BAD_SIGNATURE)),
            entry("POST /api/v1/composites/{parent}/children", List.of(INVALID_TRANSITION, CONFLICT, BAD_MANIFEST,
                    BAD_SIGNATURE)),
            entry("POST /api/v1/composites/{parent}/allowlist", LIFECYCLE),
            entry("POST /api/v1/composites/{parent}/delegations", LIFECYCLE),
            entry("POST /api/v1/composites/{parent}/delegations/{delegation}/completion", List.of(CONFLICT)),
            entry("POST /api/v1/composites/{parent}/graduations", List.of(INVALID_TRANSITION, BAD_SIGNATURE,
                    GRADUATION_CONSENT, GRADUATION_COLLUSION, GRADUATION_RATE_LIMITED)),
            entry("POST /api/v1/lanes/{lane}/out", TUPLES),
            entry("POST /api/v1/lanes/{lane}/in", TUPLES),
            entry("POST /api/v1/lanes/{lane}/rd", TUPLES),
            entry("POST /api/v1/lanes/{lane}/route", TUPLES),
            entry("GET /api/v1/lanes/{lane}/tuples", TUPLES),
            entry("POST /api/v1/agents/spawn", TUPLES),
            entry("POST /api/v1/agents/batch-spawn", TUPLES),
            entry("POST /api/v1/agents/materialize", TUPLES),
            entry("POST /api/v1/agents/compress", TUPLES),
            entry("POST /api/v1/agents/restore", TUPLES));

    private OperationErrors() {
    }

    /** Every code {@code operation} ({@code "METHOD path"}) may answer. */
    static List<ErrorCode> of(String operation, boolean takesBody, boolean needsToken) {
        List<ErrorCode> codes = new ArrayList<>(List.of(VALIDATION_FAILED));
        if (takesBody) {
            codes.addAll(List.of(MALFORMED_JSON, PAYLOAD_TOO_LARGE));
        }
        if (needsToken) {
            codes.addAll(List.of(UNAUTHENTICATED, FORBIDDEN));
        }
        codes.add(NOT_FOUND);
        codes.addAll(SPECIFIC.getOrDefault(operation, List.of()));
        codes.add(INTERNAL);
        return codes;
    }
}
