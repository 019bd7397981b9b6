package io.throughline.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, as DESIGN.md's access column says. Open: the widget, demo page, help centre and health. Visitor:
 * web chat, where the visitor's UUID is the key. Signed: provider webhooks, checked by their adapters. Login: every
 * other API, the insights dashboard and Prometheus, with the role {@link AccessRules} names; a login is HTTP Basic
 * against the users Camunda knows, the Camunda webapps' session, an API key, or an OIDC bearer token when an issuer is
 * configured. Camunda's webapps and engine REST guard themselves.
 */
@Configuration
@ConditionalOnWebApplication   // the replay's sandbox runs without a web server
class SecurityConfiguration {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_ADMIN > ROLE_DESIGNER
                ROLE_SUPERVISOR > ROLE_AGENT
                ROLE_DESIGNER > ROLE_AGENT
                """);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, JsonErrors errors,
                            List<SessionLogin> sessionLogins, SecuritySettings settings, RoleGroups roleGroups)
            throws Exception {
        AuthenticationEntryPoint jsonUnauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Throughline\"");
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "log in: HTTP Basic with a Camunda user (for "
                    + "example demo/demo on the embedded default), an API key (X-Api-Key), or an OIDC bearer token "
                    + "when the server has an issuer", null);
        };
        http
                .securityMatcher("/api/**", "/actuator/**", "/webhooks/**", "/", "/index.html", "/widget.js", "/help/**",
                        "/error", "/insights", "/insights/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/api/webchat/**", "/webhooks/**").permitAll()
                            .requestMatchers("/", "/index.html", "/widget.js", "/help/**", "/error").permitAll()
                            .requestMatchers("/actuator/health/**", "/actuator/info").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        auth.requestMatchers(rule.matcher()).hasRole(rule.role().name());
                    }
                    auth.anyRequest().authenticated();
                })
                .addFilterBefore(new ApiKeyFilter(apiKeys, errors), BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionLoginFilter(sessionLogins), BasicAuthenticationFilter.class)
                .cors(cors -> cors.configurationSource(webChatAnywhere()))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized)
                        .accessDeniedHandler(roleNeeded(errors)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie session of ours on these paths; the Camunda session counts for changes only with
                // Camunda's CSRF token (see SessionLogin)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY)));
        if (settings.oidc().on()) {
            OidcLogin oidc = new OidcLogin(settings.oidc(), roleGroups);
            var bearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server
                    // API keys travel as bearer tokens too; only a JWT (it has dots) is the issuer's
                    .bearerTokenResolver(request -> {
                        String token = bearer.resolve(request);
                        return token != null && token.contains(".") ? token : null;
                    })
                    .authenticationEntryPoint(jsonUnauthorized)
                    .accessDeniedHandler(roleNeeded(errors))
                    .jwt(jwt -> jwt.decoder(oidc.decoder()).jwtAuthenticationConverter(oidc::authentication)));
        }
        return http.build();
    }

    /** A 403 that says which role the route needs and which the caller has. */
    private static AccessDeniedHandler roleNeeded(JsonErrors errors) {
        return (request, response, e) -> {
            String needed = AccessRules.needed(request).map(Role::name).orElse("a role");
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "this needs the role " + needed + " (or one that "
                    + "includes it); you have " + roles(SecurityContextHolder.getContext().getAuthentication())
                    + ": ask an admin to add you to the group of that role", null);
        };
    }

    private static String roles(Authentication authentication) {
        if (authentication == null) {
            return "none";
        }
        String roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().collect(Collectors.joining(", "));
        return roles.isEmpty() ? "none" : roles;
    }

    /**
     * The widget is one script tag on the business's own site, so web chat answers any origin. No cookies travel
     * (the visitor id in the path is the key), so allowing every origin gives a foreign page nothing it could misuse.
     */
    private static CorsConfigurationSource webChatAnywhere() {
        var webChat = new CorsConfiguration();
        webChat.addAllowedOriginPattern("*");
        webChat.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        webChat.setAllowedHeaders(List.of("Content-Type", "Last-Event-ID"));
        webChat.setAllowCredentials(false);
        webChat.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/webchat/**", webChat);
        source.registerCorsConfiguration("/help/suggest", webChat);
        return source;
    }

    /** Camunda's webapps and /engine-rest bring their own login, sessions and CSRF protection. */
    @Bean
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/camunda/**", "/engine-rest/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
