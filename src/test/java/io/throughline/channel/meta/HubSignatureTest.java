package io.throughline.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known answers for X-Hub-Signature-256. Meta's docs describe the scheme (sha256= and the lower-case hex HMAC-SHA256 of
 * the body, keyed with the app secret) but publish no worked example, so the expected values were computed with
 * OpenSSL, e.g. {@code printf '%s' 'test' | openssl dgst -sha256 -hmac 'secret'}; the first one is also the example in
 * the whatsapp_sdk Elixir library's docs (WhatsApp.Webhook.compute_signature("test", "secret")).
 */
class HubSignatureTest {

    /** Meta's example text-message notification (WhatsApp Cloud API webhooks reference), as compact bytes. */
    static final String WHATSAPP_TEXT_MESSAGE = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
            + "\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":"
            + "[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\"}],\"messages\":[{\"from\":"
            + "\"16505551234\",\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=\",\"timestamp\":"
            + "\"1739321024\",\"text\":{\"body\":\"Does it come in another color?\"},\"type\":\"text\"}]},"
            + "\"field\":\"messages\"}]}]}";

    @Test
    void signsTheBodyAsOpenSslDoes() {
        assertThat(HubSignature.of("secret", bytes("test")))
                .isEqualTo("sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914");
        assertThat(HubSignature.of("whatsapp-app-secret", bytes(WHATSAPP_TEXT_MESSAGE)))
                .isEqualTo("sha256=76bae933aee053ab0a1ba672b02198174d3a1caff4914fc595e97200b8d5a210");
    }

    /** Meta signs the body as sent, with non-ASCII escaped: the escaped bytes verify, the decoded text does not. */
    @Test
    void escapedUnicodeIsSignedAsItsBytes() {
        String escaped = "{\"text\":\"Caf\\u00e9\"}";
        String signature = "sha256=91ca404303ca1d73b45435c5287d8d196dd84073fd07bf9a5c6360fcf7d15431";

        assertThat(HubSignature.valid("messenger-app-secret", bytes(escaped), signature)).isTrue();
        assertThat(HubSignature.valid("messenger-app-secret", bytes("{\"text\":\"Café\"}"), signature)).isFalse();
        assertThat(HubSignature.of("messenger-app-secret", bytes("{\"text\":\"Café\"}")))
                .isEqualTo("sha256=5a5c8547dba8443b6483fa25da87bfc23aaffe67b21c4d4ca8f96e80071c3236");
    }

    @Test
    void aMissingWrongOrUnprefixedSignatureIsRefused() {
        byte[] body = bytes("test");
        assertThat(HubSignature.valid("secret", body, null)).isFalse();
        assertThat(HubSignature.valid("secret", body, "")).isFalse();
        assertThat(HubSignature.valid("secret", body, "0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"))
                .as("without sha256=").isFalse();
        assertThat(HubSignature.valid("other", body,
                "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914")).isFalse();
        assertThat(HubSignature.valid("secret", body,
                "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914")).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
