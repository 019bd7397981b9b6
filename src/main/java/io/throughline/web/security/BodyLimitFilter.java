package io.throughline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: webhooks, customer attributes and every other API call have their own limit
 * ({@link BodyLimitSettings}). A declared length over the limit is refused with 413 before a byte is read; a body
 * without one (chunked) is counted while read and stops with {@link BodyTooLargeException} at the limit, which the
 * error handler turns into the same 413.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private static final Pattern ATTRIBUTES = Pattern.compile("/api/customers/[^/]+/attributes");
    private final BodyLimitSettings settings;
    private final JsonErrors errors;

    BodyLimitFilter(BodyLimitSettings settings, JsonErrors errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String contentType = request.getContentType();
        long limit;
        String field = null;
        String setting;
        if (path.startsWith("/webhooks/")) {
            limit = settings.webhookBody().toBytes();
            setting = "webhook-body";
        } else if (ATTRIBUTES.matcher(path).matches()) {
            limit = settings.attributes().toBytes();
            field = "attributes";
            setting = "attributes";
        } else if (path.startsWith("/api/") && (contentType == null
                || !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE))) {
            limit = settings.jsonBody().toBytes();
            setting = "json-body";
        } else {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            errors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request body is " + declared
                    + " bytes; at most " + limit + " are taken here (setting throughline.limits." + setting + ")", field);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Capped(request, limit, field), response);
    }

    /** A request whose body stops at the limit. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private final String field;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit, String field) {
            super(request);
            this.limit = limit;
            this.field = field;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, field);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String field;
        private long read;

        CountingStream(ServletInputStream in, long limit, String field) {
            this.in = in;
            this.limit = limit;
            this.field = field;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit, field);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
