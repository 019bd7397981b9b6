package io.throughline.channel.webchat;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.Outbox;
import io.throughline.channel.Signatures;
import io.throughline.support.ProviderStub;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's acceptance test: a customer who starts on web chat, proves their phone, and continues on WhatsApp has one
 * customer record and one conversation. Everything goes over the wire: the code is read off the message the provider
 * stub received (SMS where that channel exists, else WhatsApp), and the WhatsApp message comes signed in Meta's
 * webhook format.
 */
class WebChatToWhatsAppContinuityTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final String SMS_PATH = "/twilio/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Outbox outbox;

    @Test
    void aCustomerWhoStartsOnWebChatProvesTheirPhoneAndContinuesOnWhatsAppHasOneRecordAndOneConversation() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String digits = "4915" + (100_000_000L + (long) (Math.random() * 899_999_999L));
        String phone = "+" + digits;
        var hello = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "w-1"));
        String customer = hello.json().path("customerId").asText();
        String conversation = hello.json().path("conversationId").asText();
        JourneyWait.awaitSettled(runtime, jdbc, conversation);

        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs", "{\"type\":\"phone\",\"value\":\"" + phone + "\"}");
        assertThat(asked.status()).isEqualTo(202);
        String sentVia = asked.json().path("sentVia").asText();
        assertThat(sentVia).as("SMS first where it is configured, else WhatsApp")
                .isEqualTo(outbox.knows("sms") ? "sms" : "whatsapp");
        ProviderStub.Request carrier = sentVia.equals("sms")
                ? awaitRequest(r -> r.path().equals(SMS_PATH) && phone.equals(form(r).get("To")))
                : awaitRequest(r -> isWhatsAppSend(r) && r.bodyText().contains("\"to\":\"" + digits + "\""));
        Matcher code = CODE.matcher(sentVia.equals("sms") ? form(carrier).get("Body") : carrier.bodyText());
        assertThat(code.find()).as("a six-digit code in the message").isTrue();
        var proven = api.post("/api/webchat/" + visitor + "/identity-proofs/" + asked.json().path("proofId").asText(),
                "{\"code\":\"" + code.group(1) + "\"}");
        assertThat(proven.status()).isEqualTo(200);
        assertThat(proven.json().path("customerId").asText()).isEqualTo(customer);

        HttpResponse<String> webhook = postWhatsApp(whatsAppText(digits, "wamid." + UUID.randomUUID(),
                "Do you also ship to Austria?"));

        assertThat(webhook.statusCode()).isEqualTo(200);
        JsonNode record = api.getAs(DEMO, "/api/customers?identity=" + URLEncoder.encode("phone:" + phone, StandardCharsets.UTF_8)).json();
        assertThat(record.path("customer").path("id").asText()).as("one customer record").isEqualTo(customer);
        assertThat(record.path("conversations").findValuesAsText("id")).as("one conversation").containsExactly(conversation);
        assertThat(jdbc.sql("select count(distinct customer_id) from customer_identities where identity_value in (?, ?)")
                .params(visitor, phone).query(Integer.class).single()).isEqualTo(1);
        JsonNode transcript = api.getAs(DEMO, "/api/conversations/" + conversation).json().path("messages");
        assertThat(transcript.findValuesAsText("text")).contains("How long does shipping take?", "Do you also ship to Austria?");
        assertThat(transcript.findValuesAsText("channel")).contains("webchat", "whatsapp");
        ProviderStub.Request reply = awaitRequest(r -> isWhatsAppSend(r) && r != carrier
                && r.bodyText().contains("\"to\":\"" + digits + "\""));
        assertThat(reply.bodyText()).as("the bot read the WhatsApp message in the one conversation and answered there")
                .contains("\"type\":\"text\"");
        assertThat(transcript.get(transcript.size() - 1).path("channel").asText()).isEqualTo("whatsapp");
    }

    private static boolean isWhatsAppSend(ProviderStub.Request request) {
        return request.path().startsWith("/whatsapp/") && request.path().endsWith("/" + WHATSAPP_PHONE_NUMBER_ID + "/messages");
    }

    /** A text message as Meta's webhook delivers it (object whatsapp_business_account, entry[].changes[].value). */
    private static byte[] whatsAppText(String from, String wamid, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + WHATSAPP_PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ann\"},"
                + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\","
                + "\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text
                + "\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postWhatsApp(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(WHATSAPP_APP_SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ProviderStub.Request awaitRequest(Predicate<ProviderStub.Request> which) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<ProviderStub.Request> seen = PROVIDERS.requests(which);
            if (!seen.isEmpty()) {
                return seen.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such request to the provider stub within " + PATIENCE + "; it saw:\n" + PROVIDERS);
    }

    private static Map<String, String> form(ProviderStub.Request request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.bodyText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
