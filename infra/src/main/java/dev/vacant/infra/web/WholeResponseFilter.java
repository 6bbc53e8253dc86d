package dev.vacant.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a response body that fits the server's response buffer (Tomcat's 8 KiB) in one write, with its
 * {@code Content-Length}. Spring MVC flushes the response stream after writing a body; a flushed response is
 * committed at once, so Tomcat sent every answer as a chunk and then, in a second write, the chunked encoding's last
 * chunk. Here the body stream ignores flushes while the request runs: Tomcat writes the buffer when the request ends
 * and sets its length, or, for a larger body, as the buffer fills. Nothing on this server streams a response
 * ({@code docs/architecture.md}, "A response goes out whole").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new WholeResponse(response));
    }

    /** A response whose body stream does not pass flushes on. */
    private static final class WholeResponse extends HttpServletResponseWrapper {
        private ServletOutputStream body;

        WholeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedStream(super.getOutputStream());
            }
            return body;
        }
    }

    /** The server's body stream, flushed only when the request ends. */
    private static final class UnflushedStream extends ServletOutputStream {
        private final ServletOutputStream stream;

        UnflushedStream(ServletOutputStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            stream.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            stream.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // the server writes the buffer when the request ends, or when it fills
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }

        @Override
        public boolean isReady() {
            return stream.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            stream.setWriteListener(listener);
        }
    }
}
