package dev.vacant.infra.web.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.vacant.kernel.input.FieldNames;
import dev.vacant.kernel.input.FieldViolation;
import jakarta.validation.ConstraintViolation;

/**
 * The {@link FieldViolation}s of the request-shape failures every adapter (REST and gRPC) meets, named as the API
 * names its fields (snake_case paths).
 */
public final class Violations {

    private Violations() {
    }

    /**
     * The violation of a validated application-service call: its path without the method and, below a body
     * parameter, without the parameter ({@code genesis.body.bundle.policyDsl} is {@code bundle.policy_dsl};
     * {@code list.limit} is {@code limit}).
     */
    public static FieldViolation of(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String withoutMethod = path.substring(path.indexOf('.') + 1);
        int parameterEnd = withoutMethod.indexOf('.');
        return new FieldViolation(FieldNames.snakeCase(parameterEnd < 0 ? withoutMethod : withoutMethod.substring(parameterEnd + 1)),
                violation.getMessage());
    }

    /**
     * The violation of a request whose JSON does not fit its type: the field's JSON path, and "unknown property"
     * or "invalid value" (Jackson's own messages name Java classes).
     */
    public static FieldViolation of(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return new FieldViolation(path.toString(),
                mapping instanceof UnrecognizedPropertyException ? "unknown property" : "invalid value");
    }
}
