package io.throughline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs a server-to-server caller in by its API key, sent as {@code X-Api-Key} or {@code Authorization: Bearer}. A
 * bearer token with dots is a JWT and left to the OIDC login; a key never has one.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private final ApiKeys keys;
    private final JsonErrors errors;

    ApiKeyFilter(ApiKeys keys, JsonErrors errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.KeyHolder> holder = keys.holder(key.get());
        if (holder.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "the API key is not valid (revoked, mistyped, "
                    + "or not this server's): ask an admin for a key", null);
            return;
        }
        var authorities = holder.get().roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "api-key:" + holder.get().name(), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (!token.isEmpty() && !token.contains(".")) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
