package dev.vacant.kernel.input;

/**
 * One reason an input was rejected with {@code VALIDATION_FAILED}, as its problem lists it under {@code errors}.
 *
 * @param field   the offending field as a snake_case path ({@code bundle.system_prompt}, {@code plan[0].text})
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {
}
