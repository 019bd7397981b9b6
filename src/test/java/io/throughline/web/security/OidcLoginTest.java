package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With {@code throughline.security.oidc.issuer-uri} set (the test base points it at a real issuer on a local port),
 * a JWT the issuer signed logs its bearer in with the roles its claim names, as group names or role names; a token that
 * is expired, signed by an unknown key or from another issuer is a 401.
 */
class OidcLoginTest extends ChannelTestBase {

    private static final String SOME_CUSTOMER = "/api/customers/" + UUID.randomUUID();

    @Test
    void aTokenWithARoleOrAGroupGetsThatRole() {
        String supervisor = ISSUER.token("sam", Map.of("roles", List.of("supervisor")), Duration.ofMinutes(5));
        assertThat(get("/api/insights/kpis", supervisor).status()).isEqualTo(200);

        String agent = ISSUER.token("ann", Map.of("groups", List.of("billing")), Duration.ofMinutes(5));
        assertThat(get(SOME_CUSTOMER, agent).status()).isEqualTo(404);   // allowed; no such customer
        RolesTest.assertRefused(get("/api/insights/kpis", agent), "SUPERVISOR");

        String nobody = ISSUER.token("nat", Map.of(), Duration.ofMinutes(5));
        RolesTest.assertRefused(get(SOME_CUSTOMER, nobody), "AGENT");
    }

    @Test
    void anExpiredForeignOrMisIssuedTokenIsRefused() {
        Map<String, Object> admin = Map.of("roles", List.of("admin"));
        assertThat(get(SOME_CUSTOMER, ISSUER.token("eve", admin, Duration.ofMinutes(-10))).status()).isEqualTo(401);
        assertThat(get(SOME_CUSTOMER, ISSUER.foreignToken("eve", admin)).status()).isEqualTo(401);
        assertThat(get(SOME_CUSTOMER, ISSUER.tokenOfAnotherIssuer("eve", admin)).status()).isEqualTo(401);
        var refused = get(SOME_CUSTOMER, ISSUER.foreignToken("eve", admin));
        assertThat(refused.json().path("error").asText()).contains("log in");
    }

    private io.throughline.support.Api.Response get(String path, String token) {
        // from an address of its own: failed logins are limited per address (RateLimitsTest)
        return api.call("GET", path, null, "Authorization", "Bearer " + token, "X-Forwarded-For", "192.0.2.22");
    }
}
