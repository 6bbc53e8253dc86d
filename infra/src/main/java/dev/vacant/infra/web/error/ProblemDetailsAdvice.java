package dev.vacant.infra.web.error;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.input.FieldNames;
import dev.vacant.kernel.input.FieldViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of a REST request to an RFC 9457 {@code application/problem+json} answer
 * carrying a stable {@link ErrorCode} (see {@link Problems}).
 * <ul>
 *   <li>{@link VacantException}: its code, status, message and details (a {@code retry_after_seconds} detail is also
 *       answered as {@code Retry-After});</li>
 *   <li>unreadable bodies: {@code MALFORMED_JSON} or {@code VALIDATION_FAILED} (see {@link JsonBodyProblems});</li>
 *   <li>Bean Validation failures, of a body or of an application service's parameters:
 *       {@code VALIDATION_FAILED} with the field errors;</li>
 *   <li>other Spring MVC exceptions keep their status, coded by it ({@code NOT_FOUND} for unknown
 *       routes, {@code VALIDATION_FAILED} for other client errors, {@code INTERNAL} for server errors);</li>
 *   <li>anything else: 500 {@code INTERNAL} with a generic detail; the cause is only logged.</li>
 * </ul>
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(VacantException.class)
    ResponseEntity<ProblemDetail> handleVacant(VacantException exception) {
        Object retryAfter = exception.details().get(VacantException.RETRY_AFTER_SECONDS);
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.of(Problems.of(exception));
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return answer.build();
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolations(ConstraintViolationException exception) {
        return ResponseEntity.of(invalid(exception.getConstraintViolations().stream().map(Violations::of).toList())).build();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        log.error("Request failed unexpectedly", exception);
        return ResponseEntity.of(Problems.of(ErrorCode.INTERNAL, Problems.INTERNAL_DETAIL, Map.of())).build();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = JsonBodyProblems.of(exception);
        return handleExceptionInternal(exception, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = exception.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldViolation(
                        error instanceof FieldError field ? FieldNames.snakeCase(field.getField()) : "",
                        error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(exception, invalid(violations), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(FieldNames.snakeCase(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(exception, invalid(violations), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", exception);
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    /** Codes the problems Spring MVC built itself, and hides the detail of server errors. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && !Problems.isStamped(problem)) {
            Problems.stamp(problem, Problems.codeFor(status.value()));
            if (status.is5xxServerError()) {
                problem.setDetail(Problems.INTERNAL_DETAIL);
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail invalid(List<FieldViolation> violations) {
        return Problems.of(ErrorCode.VALIDATION_FAILED, "The request is invalid.", Map.of("errors", violations));
    }
}
