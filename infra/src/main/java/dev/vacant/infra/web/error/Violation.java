package dev.vacant.infra.web.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;

/**
 * One reason a request was rejected with {@code VALIDATION_FAILED}, listed under the problem's
 * {@code errors} property.
 *
 * @param field   the offending field as a path ({@code items[0].name}); empty for the body as a whole
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {

    /**
     * The violation of a validated application-service call: its path without the method and, below a body
     * parameter, without the parameter ({@code genesis.body.bundle.policyDsl} is {@code bundle.policyDsl};
     * {@code list.limit} is {@code limit}), as Spring MVC names the fields of a body.
     */
    public static Violation of(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String withoutMethod = path.substring(path.indexOf('.') + 1);
        int parameterEnd = withoutMethod.indexOf('.');
        return new Violation(parameterEnd < 0 ? withoutMethod : withoutMethod.substring(parameterEnd + 1),
                violation.getMessage());
    }

    /**
     * The violation of a request whose JSON does not fit its type: the field's JSON path, and "unknown property"
     * or "invalid value" (Jackson's own messages name Java classes).
     */
    public static Violation of(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return new Violation(path.toString(),
                mapping instanceof UnrecognizedPropertyException ? "unknown property" : "invalid value");
    }
}
