package io.throughline.channel.webchat;

import static io.throughline.support.Api.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The business's site vouching for its signed-in user through the widget (like Intercom's identity verification). */
class SignedIdentityTest extends ChannelTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRightHashLinksTheEmailVerifiedToTheVisitor() {
        String visitor = UUID.randomUUID().toString();
        String email = "Ann." + UUID.randomUUID() + "@Example.com";

        var linked = api.post(identityPath(visitor), body(email, sign(email)));

        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().path("identity").asText()).isEqualTo("email:" + email.toLowerCase());
        var record = api.getAs(DEMO, "/api/customers/" + linked.json().path("customerId").asText()).json();
        assertThat(record.path("identities")).anySatisfy(identity -> {
            assertThat(identity.path("value").asText()).isEqualTo(email.toLowerCase());
            assertThat(identity.path("verified").asBoolean()).isTrue();
        });
        assertThat(api.post(identityPath(visitor), body(email, sign(email))).status()).as("again: nothing new").isEqualTo(200);
        assertThat(api.getAs(DEMO, "/api/customers?identity=visitor:" + visitor).json().path("customer").path("id").asText())
                .isEqualTo(linked.json().path("customerId").asText());
    }

    @Test
    void aWrongOrMissingHashIs401AndLinksNothing() {
        String visitor = UUID.randomUUID().toString();
        String email = "mallory." + UUID.randomUUID() + "@example.com";

        var wrong = api.post(identityPath(visitor), body(email, sign("someone.else@example.com")));
        var missing = api.post(identityPath(visitor), "{\"email\":\"" + email + "\"}");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("field").asText()).isEqualTo("userHash");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from customer_identities where identity_value in (?, ?)")
                .params(visitor, email).query(Integer.class).single()).as("no identity, no customer").isZero();
    }

    @Test
    void aSignedUserIdIsRefusedClearly() {
        var refused = api.post(identityPath(UUID.randomUUID().toString()),
                "{\"userId\":\"42\",\"userHash\":\"" + sign("42") + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("userId");
    }

    static String identityPath(String visitor) {
        return "/api/webchat/" + visitor + "/identity";
    }

    static String body(String email, String userHash) {
        return "{\"email\":\"" + email + "\",\"userHash\":\"" + userHash + "\"}";
    }

    /** What the business's own server computes for its page. */
    static String sign(String email) {
        return Signatures.hmacSha256Hex(WEBCHAT_IDENTITY_SECRET, email.getBytes(StandardCharsets.UTF_8));
    }
}
