package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every input has a size limit, and going over it is a 413 with the JSON error, naming the field where there is one:
 * webhook bodies (1 MB), attribute documents (64 KB), any other JSON (256 KB, also when sent chunked, without a
 * length), identity fields, and web-chat text (4,000 characters).
 */
class BodyLimitsTest extends ChannelTestBase {

    @Test
    void aWebhookBodyOverOneMegabyteIsRefusedBeforeItIsRead() {
        var refused = api.call("POST", "/webhooks/telegram", "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}",
                "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET_TOKEN);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("error").asText()).contains("throughline.limits.webhook-body");
    }

    @Test
    void anAttributeDocumentOver64KilobytesNamesTheField() {
        var customer = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", Api.message("Hello", "m1"));
        String attributes = "{\"notes\":\"" + "a".repeat(65 * 1024) + "\"}";
        var refused = api.call("PUT", "/api/customers/" + customer.json().path("customerId").asText() + "/attributes",
                attributes, "X-Api-Key", SUPERVISOR_API_KEY);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("field").asText()).isEqualTo("attributes");
    }

    @Test
    void aChunkedJsonBodyStopsAtTheLimitWhileItIsRead() throws Exception {
        byte[] body = ("{\"text\":\"" + "where is my order ".repeat(16 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(256 * 1024);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/intents/classify"))
                .header("Content-Type", "application/json").header("Authorization", Api.basic(Api.DEMO))
                // from a stream, so the request goes chunked, with no Content-Length to check up front
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(new ObjectMapper().readTree(response.body()).path("error").asText()).contains("throughline.limits");
    }

    @Test
    void identityFieldsAndWebChatTextHaveTheirLimits() {
        String visitor = "/api/webchat/" + UUID.randomUUID();
        var longAddress = api.post(visitor + "/identity-proofs",
                "{\"type\":\"email\",\"value\":\"" + "a".repeat(300) + "@example.com\"}");
        assertThat(longAddress.status()).isEqualTo(413);
        assertThat(longAddress.json().path("field").asText()).isEqualTo("value");

        var longHash = api.post(visitor + "/identity",
                "{\"email\":\"ann@example.com\",\"userHash\":\"" + "f".repeat(1000) + "\"}");
        assertThat(longHash.status()).isEqualTo(413);
        assertThat(longHash.json().path("field").asText()).isEqualTo("userHash");

        var longText = api.post(visitor + "/messages", Api.message("a".repeat(4001), "m1"));
        assertThat(longText.status()).isEqualTo(413);
        assertThat(longText.json().path("field").asText()).isEqualTo("text");
    }
}
