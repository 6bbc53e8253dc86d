package dev.vacant.infra.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}) names no media type
 * its body could be read as: it is answered {@code UNSUPPORTED_MEDIA_TYPE} (415) before anything reads it, instead
 * of failing inside Spring MVC. A missing {@code Content-Type} is left to Spring MVC: an empty body is no body, any
 * other body is {@code application/octet-stream}, itself a 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver exceptionResolver;

    public WildcardContentTypeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type = wildcard(request.getContentType());
        if (type != null) {
            exceptionResolver.resolveException(request, response, null, new HttpMediaTypeNotSupportedException(type,
                    List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod())));
            return;
        }
        chain.doFilter(request, response);
    }

    private static MediaType wildcard(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype() ? type : null;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
