package io.throughline.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Someone already logged in to Camunda's webapps (Tasklist, Cockpit) in this browser: the journey module reads
 * Camunda's session, so the insights dashboard and the API need no second login. For requests that change something
 * the session counts only with Camunda's CSRF token, since a cookie travels with cross-site requests too.
 */
public interface SessionLogin {

    Optional<Authentication> authentication(HttpServletRequest request);
}
