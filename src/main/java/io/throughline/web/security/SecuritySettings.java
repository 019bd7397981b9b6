package io.throughline.web.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code throughline.security.*}: which groups give which role, an optional OIDC issuer, and server-to-server API keys
 * (only their SHA-256, so the configuration holds no secret).
 */
@ConfigurationProperties("throughline.security")
public record SecuritySettings(Map<Role, List<String>> roleGroups, Oidc oidc, List<ConfiguredKey> apiKeys) {

    static final Map<Role, List<String>> DEFAULT_GROUPS = Map.of(
            Role.ADMIN, List.of("camunda-admin"),
            Role.SUPERVISOR, List.of("supervisors"),
            Role.DESIGNER, List.of("designers"),
            Role.AGENT, List.of("agents", "support", "billing", "sales", "vip"));

    public SecuritySettings {
        var groups = new EnumMap<Role, List<String>>(DEFAULT_GROUPS);
        if (roleGroups != null) {
            groups.putAll(roleGroups);
        }
        roleGroups = Map.copyOf(groups);
        oidc = oidc == null ? new Oidc(null, null) : oidc;
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** JWT bearer login, on when {@code issuerUri} is set; roles come from {@code rolesClaim} (a dotted path). */
    public record Oidc(String issuerUri, String rolesClaim) {
        public boolean on() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /** A key an operator configured: its name (for logs), the SHA-256 hex of the key, and its roles. */
    public record ConfiguredKey(String name, String keyHash, List<Role> roles) {
        public ConfiguredKey {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
