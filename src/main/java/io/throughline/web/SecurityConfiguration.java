package io.throughline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, as DESIGN.md's access column says. Open: the widget, demo page, help centre and health. Visitor:
 * web chat, where the visitor's UUID is the key. Signed: provider webhooks, checked by their adapters. Login: every
 * other API and the insights dashboard ({@code /insights}), with HTTP Basic against the same users Camunda knows.
 * Camunda's webapps and engine REST guard themselves.
 */
@Configuration
@ConditionalOnWebApplication   // the replay's sandbox runs without a web server
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint jsonUnauthorized = (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Throughline\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new ApiError(
                    "log in with HTTP Basic (a Camunda user, for example demo/demo on the embedded default)", null));
        };
        return http
                .securityMatcher("/api/**", "/actuator/**", "/webhooks/**", "/", "/index.html", "/widget.js", "/help/**",
                        "/error", "/insights", "/insights/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/webchat/**", "/webhooks/**").permitAll()
                        .requestMatchers("/", "/index.html", "/widget.js", "/help/**", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .cors(cors -> cors.configurationSource(webChatAnywhere()))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie session on these paths, so nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults())
                .build();
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
