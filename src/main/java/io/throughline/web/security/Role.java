package io.throughline.web.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person or system may do. Admins include supervisors and designers, who both include agents (see
 * {@link SecurityConfiguration#roleHierarchy()}); the README's table of roles says which routes each opens.
 */
public enum Role {
    AGENT, SUPERVISOR, DESIGNER, ADMIN;

    /** The Spring Security authority: {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** {@code admin}, {@code ADMIN} or {@code ROLE_ADMIN}; empty for anything else. */
    public static Optional<Role> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.strip().toUpperCase(Locale.ROOT);
        plain = plain.startsWith("ROLE_") ? plain.substring(5) : plain;
        for (Role role : values()) {
            if (role.name().equals(plain)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
