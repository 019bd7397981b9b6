package io.throughline.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * JWT bearer login against an OIDC issuer: the token's signature (the issuer's published keys), issuer and expiry are
 * checked by Spring Security; its roles claim (a dotted path such as {@code realm_access.roles}; by default
 * {@code roles}, else {@code groups}) gives the same roles as Camunda groups do.
 */
final class OidcLogin {

    private final SecuritySettings.Oidc settings;
    private final RoleGroups roleGroups;

    OidcLogin(SecuritySettings.Oidc settings, RoleGroups roleGroups) {
        this.settings = settings;
        this.roleGroups = roleGroups;
    }

    /** Reads the issuer's discovery document on the first token, so start-up does not wait for the issuer. */
    JwtDecoder decoder() {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(settings.issuerUri()));
    }

    JwtAuthenticationToken authentication(Jwt jwt) {
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, roleGroups.authorities(groups(jwt)), name);
    }

    private List<String> groups(Jwt jwt) {
        List<String> paths = settings.rolesClaim() == null || settings.rolesClaim().isBlank()
                ? List.of("roles", "groups") : List.of(settings.rolesClaim());
        List<String> groups = new ArrayList<>();
        for (String path : paths) {
            Object value = jwt.getClaims();
            for (String part : path.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value instanceof Collection<?> values) {
                values.forEach(v -> groups.add(String.valueOf(v)));
            } else if (value instanceof String single) {
                groups.addAll(List.of(single.split("[\\s,]+")));
            }
        }
        return groups;
    }
}
