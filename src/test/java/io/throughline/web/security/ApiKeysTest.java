package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Server-to-server API keys: the configured one (only its SHA-256 is in the configuration) updates a customer's
 * attributes, sent either way; a wrong key is a 401; a key gets only its roles; a key an admin creates works until it
 * is revoked, and only admins manage keys.
 */
class ApiKeysTest extends ChannelTestBase {

    @Test
    void theConfiguredKeyUpdatesACustomersAttributesSentAsXApiKeyOrAsBearer() {
        String customer = newCustomer();
        var byHeader = api.call("PUT", "/api/customers/" + customer + "/attributes", "{\"plan\":\"pro\"}",
                "X-Api-Key", SUPERVISOR_API_KEY);
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
        var byBearer = api.call("PUT", "/api/customers/" + customer + "/attributes", "{\"plan\":\"business\"}",
                "Authorization", "Bearer " + SUPERVISOR_API_KEY);
        assertThat(byBearer.status()).as(byBearer.body()).isEqualTo(200);
        assertThat(api.getAs(Api.DEMO, "/api/customers/" + customer).json().path("customer").path("attributes").path("plan").asText())
                .isEqualTo("business");
    }

    @Test
    void aWrongKeyIsRefusedAndAKeyGetsOnlyItsRoles() {
        String customer = newCustomer();
        var wrong = api.call("PUT", "/api/customers/" + customer + "/attributes", "{\"plan\":\"pro\"}",
                "X-Api-Key", SUPERVISOR_API_KEY + "x", "X-Forwarded-For", "192.0.2.23");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asText()).contains("API key is not valid");
        RolesTest.assertRefused(api.call("DELETE", "/api/customers/" + customer, null, "X-Api-Key", SUPERVISOR_API_KEY),
                "ADMIN");
        RolesTest.assertRefused(api.call("GET", "/api/security/api-keys", null, "X-Api-Key", SUPERVISOR_API_KEY), "ADMIN");
    }

    @Test
    void anAdminCreatesAKeyThatWorksUntilRevokedAndIsNeverListed() {
        var created = api.postAs(Api.DEMO, "/api/security/api-keys", "{\"name\":\"erasure-job\",\"roles\":[\"admin\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();
        assertThat(key).startsWith("tlk_").hasSizeGreaterThan(40);

        assertThat(api.call("GET", "/api/security/api-keys", null, "Authorization", "Bearer " + key).status())
                .isEqualTo(200);
        var listed = api.getAs(Api.DEMO, "/api/security/api-keys");
        assertThat(listed.body()).contains("erasure-job").doesNotContain(key)
                .doesNotContain(ChannelTestBase.sha256Hex(key));

        assertThat(api.call("DELETE", "/api/security/api-keys/" + id, null, "Authorization", Api.basic(Api.DEMO))
                .status()).isEqualTo(204);
        assertThat(api.call("GET", "/api/security/api-keys", null, "X-Api-Key", key, "X-Forwarded-For", "192.0.2.23")
                .status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsManageKeysAndAKeyNeedsANameAndKnownRoles() {
        SecurityUsers.create(identity);
        RolesTest.assertRefused(api.postAs(SecurityUsers.SUPERVISOR, "/api/security/api-keys",
                "{\"name\":\"mine\",\"roles\":[\"ADMIN\"]}"), "ADMIN");
        var noRoles = api.postAs(Api.DEMO, "/api/security/api-keys", "{\"name\":\"x\",\"roles\":[\"ROOT\"]}");
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.json().path("field").asText()).isEqualTo("roles");
        assertThat(api.postAs(Api.DEMO, "/api/security/api-keys", "{\"roles\":[\"AGENT\"]}").json().path("field")
                .asText()).isEqualTo("name");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private String newCustomer() {
        var sent = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", Api.message("Hello", "m1"));
        assertThat(sent.status()).isEqualTo(202);
        return sent.json().path("customerId").asText();
    }
}
