package io.throughline.journey;

import io.throughline.web.security.RoleGroups;
import io.throughline.web.security.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user logged in to Tasklist or Cockpit in this browser, with the roles of their groups. A request that changes
 * something must also carry the webapps' CSRF token ({@code X-XSRF-TOKEN}, the value of the {@code XSRF-TOKEN}
 * cookie), because the session cookie alone would ride along with a forged cross-site request.
 */
@Component
class CamundaWebappSession implements SessionLogin {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final RoleGroups roleGroups;

    CamundaWebappSession(RoleGroups roleGroups) {
        this.roleGroups = roleGroups;
    }

    @Override
    public Optional<Authentication> authentication(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(SAFE_METHODS.contains(request.getMethod()) || csrfTokenMatches(request, session))) {
            return Optional.empty();
        }
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        if (logins == null) {
            return Optional.empty();
        }
        return logins.getAuthentications().stream().filter(UserAuthentication.class::isInstance).findFirst()
                .map(user -> UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
                        CamundaUsers.authorities(user.getGroupIds() == null ? List.<String>of() : user.getGroupIds(),
                                roleGroups)));
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
