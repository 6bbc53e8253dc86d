package dev.vacant.infra.web.error;

/**
 * One reason a request was rejected with {@code VALIDATION_FAILED}, listed under the problem's
 * {@code errors} property.
 *
 * @param field   the offending field as a path ({@code items[0].name}); empty for the body as a whole
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {
}
