package io.throughline.journey;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs API callers in against the users Camunda knows, so agents use one login for Tasklist, /engine-rest and the
 * conversation APIs. Their Camunda groups (queues such as support or billing) become authorities.
 */
@Component
class CamundaUsers implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        String password = String.valueOf(login.getCredentials());
        if (!identity.checkPassword(user, password)) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
