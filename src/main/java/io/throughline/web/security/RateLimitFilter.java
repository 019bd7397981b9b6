package io.throughline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RateLimitSettings} before anything else runs: per visitor (web-chat messages, one-time code sends and
 * tries), per client IP (the open and visitor endpoints, failed logins) and per channel (webhooks). A refused request
 * gets 429, {@code Retry-After} in seconds and the JSON error. The client IP is the connection's, or the one
 * {@code X-Forwarded-For} names only when {@code server.forward-headers-strategy} tells the server to trust it.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern VISITOR_ACTION = Pattern.compile("/api/webchat/([^/]+)/(messages|identity-proofs(/[^/]+)?)");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/([^/]+).*");
    private static final Pattern OPEN = Pattern.compile("/api/webchat/.*|/help(/.*)?|/|/index\\.html|/widget\\.js");
    private static final Pattern CAMUNDA_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/.*");

    private final RateLimits limits;
    private final RateLimitSettings settings;
    private final JsonErrors errors;

    RateLimitFilter(RateLimits limits, RateLimitSettings settings, JsonErrors errors) {
        this.limits = limits;
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!settings.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String ip = request.getRemoteAddr();
        boolean login = isLogin(request, path);
        if (login && refused(limits.peek("login-failures", settings.loginFailures(), ip), response,
                "too many failed logins from your address", "login-failures")) {
            return;
        }
        if (refusedByEndpoint(request, path, ip, response)) {
            return;
        }
        chain.doFilter(request, response);
        if (login && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            limits.take("login-failures", settings.loginFailures(), ip);
        }
    }

    private boolean refusedByEndpoint(HttpServletRequest request, String path, String ip, HttpServletResponse response)
            throws IOException {
        Matcher visitor = VISITOR_ACTION.matcher(path);
        if (visitor.matches() && "POST".equals(request.getMethod())) {
            String id = visitor.group(1);
            boolean refused = switch (visitor.group(2).startsWith("identity-proofs/") ? "tries" : visitor.group(2)) {
                case "messages" -> refused(limits.take("visitor-messages", settings.visitorMessages(), id), response,
                        "too many messages from this visitor", "visitor-messages");
                case "identity-proofs" -> refused(limits.take("code-sends", settings.codeSends(), id), response,
                        "too many one-time codes asked for by this visitor", "code-sends");
                default -> refused(limits.take("code-tries", settings.codeTries(), id), response,
                        "too many code attempts by this visitor", "code-tries");
            };
            if (refused) {
                return true;
            }
        }
        if (OPEN.matcher(path).matches()) {
            return refused(limits.take("client-ip", settings.clientIp(), ip), response,
                    "too many requests from your address", "client-ip");
        }
        Matcher webhook = WEBHOOK.matcher(path);
        if (webhook.matches()) {
            return refused(limits.take("webhooks", settings.webhooks(), webhook.group(1)), response,
                    "too many webhook calls for this channel", "webhooks");
        }
        return false;
    }

    private static boolean isLogin(HttpServletRequest request, String path) {
        if (path.startsWith("/webhooks/")) {
            return false;
        }
        return request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null
                || ("POST".equals(request.getMethod()) && CAMUNDA_LOGIN.matcher(path).matches());
    }

    private boolean refused(RateLimits.Verdict verdict, HttpServletResponse response, String what, String setting)
            throws IOException {
        if (verdict.allowed()) {
            return false;
        }
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", String.valueOf(seconds));
        errors.write(response, 429, what + ": try again in " + seconds + " s (limit: throughline.rate-limits."
                + setting + ")", null);
        return true;
    }
}
