package io.github.camelpreservica.springboot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import io.github.camelpreservica.component.webhook.ReceivingPath;
import io.github.camelpreservica.component.webhook.ReceivingPaths;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies a preservica-webhook consumer's limits on a servlet engine before Camel reads the body: Camel's servlet
 * binding reads the whole request into memory before the route runs, whatever maxBodySize says. For a path a
 * consumer receives on, anything but {@code POST} (methods are case-sensitive) gets 405 before the body is read; a
 * body declared or found larger than maxBodySize gets 413 having held at most maxBodySize plus one read buffer; a
 * body still arriving after the consumer's read timeout gets 408. Both close the connection, so the rest is never
 * read. Other paths pass untouched. The body read here is handed on as it is, so the signature is checked on the
 * very bytes received.
 */
public final class WebhookBodyLimitFilter implements Filter {

    private static final int READ_BUFFER = 8192;

    private final Supplier<ReceivingPaths> paths;
    private volatile ReceivingPaths resolved;

    public WebhookBodyLimitFilter(Supplier<ReceivingPaths> paths) {
        this.paths = paths;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        ReceivingPath target = receivingPaths().lookup(pathWithinApplication(request));
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            target.refusedMethod();
            response.setHeader("Allow", "POST");
            refuse(response, 405, "Only POST is accepted here", false);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > target.maxBodySize()) {
            target.refusedTooLarge();
            refuse(response, 413, "The body is larger than " + target.maxBodySize() + " bytes", true);
            return;
        }
        byte[] body;
        try {
            body = readWithinLimits(request.getInputStream(), declared, target);
        } catch (BodyTooLargeException e) {
            target.refusedTooLarge();
            refuse(response, 413, "The body is larger than " + target.maxBodySize() + " bytes", true);
            return;
        } catch (BodyTooSlowException e) {
            target.refusedTooSlow();
            refuse(response, 408, "The body did not arrive in time", true);
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    // looked up once, on the first request: Camel is started by then, and the lookup locks the context
    private ReceivingPaths receivingPaths() {
        ReceivingPaths current = resolved;
        if (current == null) {
            current = paths.get();
            resolved = current;
        }
        return current;
    }

    /** The path the consumer registered: the request URI without the application's context path. */
    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length())
                : uri;
    }

    /**
     * Reads the body, holding at most maxBodySize bytes plus one read buffer, checking the time after each read (a
     * read that blocks is ended by the web server's own connection timeout).
     */
    static byte[] readWithinLimits(InputStream in, long declared, ReceivingPath target) throws IOException {
        long max = target.maxBodySize();
        long deadline = System.nanoTime() + target.bodyReadTimeoutMillis() * 1_000_000L;
        byte[] body = new byte[(int) Math.min(declared >= 0 ? declared : READ_BUFFER, max)];
        byte[] buffer = new byte[READ_BUFFER];
        int count = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new BodyTooSlowException();
            }
            if ((long) count + read > max) {
                throw new BodyTooLargeException();
            }
            if (count + read > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(max, Math.max(2L * body.length, count + read)));
            }
            System.arraycopy(buffer, 0, body, count, read);
            count += read;
        }
        return count == body.length ? body : Arrays.copyOf(body, count);
    }

    private static void refuse(HttpServletResponse response, int status, String error, boolean closeConnection)
            throws IOException {
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (closeConnection) {
            // the rest of the body is never read: the connection cannot carry another request
            response.setHeader("Connection", "close");
        }
        byte[] json = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("body over maxBodySize");
        }
    }

    private static final class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super("body too slow");
        }
    }

    /** The request with its body already read: Camel reads these bytes instead of the connection. */
    private static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    getCharacterEncoding() == null
                            ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        /**
         * A form or multipart label is not passed on: a delivery is JSON whatever it is labelled, and Camel's binding
         * would parse a form body into pairs (500) and Spring a multipart one into parts (the signed bytes lost).
         */
        @Override
        public String getContentType() {
            String type = super.getContentType();
            return isFormOrMultipart(type) ? "application/octet-stream" : type;
        }

        private static boolean isFormOrMultipart(String type) {
            String lower = type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
            return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
