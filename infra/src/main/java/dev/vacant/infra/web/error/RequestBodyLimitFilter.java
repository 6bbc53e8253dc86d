package dev.vacant.infra.web.error;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies over 1 MiB before anything parses them, with {@code PAYLOAD_TOO_LARGE}
 * (413). A declared {@code Content-Length} over the limit is answered at once; every other body
 * (chunked ones included) is read through a stream that fails as soon as it yields one byte too
 * many. The answer is rendered by the MVC exception handling, so it is the usual problem document.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The largest accepted request body. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final HandlerExceptionResolver exceptionResolver;

    public RequestBodyLimitFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            exceptionResolver.resolveException(request, response, null, tooLarge());
            return;
        }
        chain.doFilter(new BodyLimitedRequest(request, MAX_BODY_BYTES, RequestBodyLimitFilter::tooLarge), response);
    }

    private static VacantException tooLarge() {
        return new VacantException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of 1 MiB.",
                Map.of("limitBytes", MAX_BODY_BYTES));
    }
}
