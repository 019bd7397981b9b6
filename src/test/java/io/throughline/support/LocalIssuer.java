package io.throughline.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A real OIDC issuer on a local port, as far as a resource server sees one: the discovery document at
 * {@code /.well-known/openid-configuration} and its signing keys (JWKS) at {@code /jwks}. It signs tokens with RS256;
 * {@link #foreignToken} signs with a key it never published.
 */
public final class LocalIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;

    public LocalIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the local OIDC issuer", e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","id_token_signing_alg_values_supported":["RS256"],
                 "subject_types_supported":["public"],"response_types_supported":["code"]}""".formatted(url(), url())));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A token of this issuer for {@code user}, with these claims, valid for {@code lifetime} (negative: expired). */
    public String token(String user, Map<String, Object> claims, Duration lifetime) {
        return sign(key, url(), user, claims, lifetime);
    }

    /** A token that names this issuer but is signed with a key the issuer never published. */
    public String foreignToken(String user, Map<String, Object> claims) {
        return sign(foreignKey, url(), user, claims, Duration.ofMinutes(5));
    }

    /** A token signed with this issuer's key that names another issuer. */
    public String tokenOfAnotherIssuer(String user, Map<String, Object> claims) {
        return sign(key, "https://issuer.example.com", user, claims, Duration.ofMinutes(5));
    }

    private static String sign(RSAKey with, String issuer, String user, Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder().issuer(issuer).subject(user).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plus(lifetime)))
                .claim("preferred_username", user);
        claims.forEach(builder::claim);
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), builder.build());
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
