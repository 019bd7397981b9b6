package io.throughline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the Camunda webapps' login for a request that brings no credentials of its own. */
class SessionLoginFilter extends OncePerRequestFilter {

    private final List<SessionLogin> logins;

    SessionLoginFilter(List<SessionLogin> logins) {
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean ownCredentials = request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null;
        if (ownCredentials || request.getSession(false) == null
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            chain.doFilter(request, response);
            return;
        }
        var login = logins.stream().map(l -> l.authentication(request)).flatMap(Optional::stream).findFirst();
        if (login.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(login.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
