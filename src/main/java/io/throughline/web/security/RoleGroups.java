package io.throughline.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns group names (Camunda groups, or the values of an OIDC token's roles claim) into {@link Role}s, as
 * {@code throughline.security.role-groups} says. A role's own name (admin, ROLE_ADMIN) counts as well, so an identity
 * provider may send either.
 */
@Component
public class RoleGroups {

    private final Map<Role, List<String>> groups;

    RoleGroups(SecuritySettings settings) {
        this.groups = settings.roleGroups();
    }

    public Set<Role> roles(Collection<String> groupNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : groupNames) {
            Role.named(name).ifPresent(roles::add);
            groups.forEach((role, names) -> {
                if (names.stream().anyMatch(group -> group.toLowerCase(Locale.ROOT)
                        .equals(name.strip().toLowerCase(Locale.ROOT)))) {
                    roles.add(role);
                }
            });
        }
        return roles;
    }

    /** The roles of these groups as Spring Security authorities. */
    public List<GrantedAuthority> authorities(Collection<String> groupNames) {
        return roles(groupNames).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
