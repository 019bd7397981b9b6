package io.throughline.journey;

import io.throughline.web.security.RoleGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs API callers in against the users Camunda knows, so agents use one login for Tasklist, /engine-rest and the
 * conversation APIs. Their Camunda groups (queues such as support or billing) become authorities, and the roles those
 * groups give (see {@link RoleGroups}).
 */
@Component
class CamundaUsers implements AuthenticationProvider {

    private final IdentityService identity;
    private final RoleGroups roleGroups;

    CamundaUsers(IdentityService identity, RoleGroups roleGroups) {
        this.identity = identity;
        this.roleGroups = roleGroups;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        String password = String.valueOf(login.getCredentials());
        if (!identity.checkPassword(user, password)) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(groups, roleGroups));
    }

    static List<GrantedAuthority> authorities(List<String> groups, RoleGroups roleGroups) {
        List<GrantedAuthority> authorities = new ArrayList<>(roleGroups.authorities(groups));
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
