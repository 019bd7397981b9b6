package io.throughline.channel.whatsapp;

import static io.throughline.channel.meta.MetaWebhooks.await;
import static io.throughline.channel.meta.MetaWebhooks.awaitTrue;
import static io.throughline.channel.meta.MetaWebhooks.json;
import static io.throughline.channel.meta.MetaWebhooks.post;
import static io.throughline.channel.meta.MetaWebhooks.postSigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.Outbox;
import io.throughline.channel.meta.HubSignature;
import io.throughline.conversation.Author;
import io.throughline.conversation.OutboundMessages;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub.Request;
import io.throughline.support.ProviderStub.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WhatsApp Cloud API end to end against the whole application: webhooks shaped and signed as Meta sends them, the
 * bot's replies arriving at a stand-in for the Graph API in the Cloud API's send format.
 */
class WhatsAppChannelTest extends ChannelTestBase {

    static final String SEND_PATH = "/whatsapp/" + WhatsAppSettings.DEFAULT_API_VERSION + "/" + WHATSAPP_PHONE_NUMBER_ID
            + "/messages";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    OutboundMessages outbound;
    @Autowired
    Outbox outbox;

    String webhook;

    @BeforeEach
    void cloudApiAnswersWithAWamid() {
        webhook = api.base() + "/webhooks/whatsapp";
        // the Cloud API's answer to a send (WhatsApp Cloud API reference, "Send text messages")
        PROVIDERS.answer(SEND_PATH, request -> Response.json(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],"messages":[{"id":"wamid.%s"}]}"""
                .formatted(json(request).path("to").asText(), json(request).path("to").asText(), UUID.randomUUID())));
    }

    @Test
    void aSignedTextMessageIsAcceptedAndAnsweredInTheCloudApiFormat() throws Exception {
        String from = newNumber();
        String wamid = newWamid();

        var response = postSigned(webhook, WHATSAPP_APP_SECRET, textMessage(from, wamid, "Sheena Nelson",
                "How long does shipping take?"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        Request send = await(PROVIDERS, sentTo(from), 1, "the reply to " + from).get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.header("Authorization")).isEqualTo("Bearer " + WHATSAPP_ACCESS_TOKEN);
        assertThat(send.header("Content-Type")).startsWith("application/json");
        JsonNode body = json(send);
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
        assertThat(body.path("to").asText()).isEqualTo(from);
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").path("preview_url").asBoolean(true)).isFalse();
        assertThat(body.path("text").path("body").asText()).containsIgnoringCase("business days").contains("Sources: ");
        assertThat(body.path("text").path("body").asText().length()).isLessThanOrEqualTo(4_096);

        var customer = api.getAs(Api.DEMO, "/api/customers?identity=phone:%2B" + from);
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body()).contains("+" + from);
        UUID conversation = conversationOf(wamid);
        awaitTrue(() -> "SENT".equals(replyStatus(conversation)), "the reply is marked sent");
        assertThat(jdbc.sql("select provider_message_id from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).single()).startsWith("wamid.");
    }

    @Test
    void aBadOrMissingSignatureIs401AndStoresNothing() {
        String wamid = newWamid();
        byte[] body = textMessage(newNumber(), wamid, "Mallory", "How long does shipping take?")
                .getBytes(StandardCharsets.UTF_8);

        var wrongSecret = post(webhook, body, HubSignature.of("not-the-app-secret", body));
        var missing = post(webhook, body, null);
        var notHex = post(webhook, body, "sha256=nothex");

        for (var response : List.of(wrongSecret, missing, notHex)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("error").asText()).contains("X-Hub-Signature-256");
            assertThat(response.json().path("field").asText()).isEqualTo("X-Hub-Signature-256");
        }
        assertThat(rowsWith(wamid)).isZero();
    }

    @Test
    void theSameMessageDeliveredTwiceIsOneRow() throws Exception {
        String from = newNumber();
        String wamid = newWamid();
        String payload = textMessage(from, wamid, "Ann", "How do I reset my password?");

        var first = postSigned(webhook, WHATSAPP_APP_SECRET, payload);
        var again = postSigned(webhook, WHATSAPP_APP_SECRET, payload);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).as("200, so Meta stops retrying").isEqualTo(200);
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(rowsWith(wamid)).isEqualTo(1);
        await(PROVIDERS, sentTo(from), 1, "the one reply to " + from);
        assertThat(PROVIDERS.requests(sentTo(from))).hasSize(1);
    }

    @Test
    void aSendApiThatFailsTwiceThenWorksDeliversExactlyOnce() throws Exception {
        awaitNoJobDue();
        String from = newNumber();
        String wamid = newWamid();
        PROVIDERS.thenOnce(SEND_PATH,
                Response.json(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1,\"fbtrace_id\":\"A1\"}}"),
                Response.json(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1,\"fbtrace_id\":\"A2\"}}"));

        postSigned(webhook, WHATSAPP_APP_SECRET, textMessage(from, wamid, "Ann", "How long does shipping take?"));
        UUID conversation = conversationOf(wamid);
        Job failed = awaitFailedSendJob(conversation);
        assertThat(failed.getRetries()).isLessThan(5);
        assertThat(failed.getExceptionMessage()).contains("WhatsApp Cloud API answered 500").contains("code 1");

        assertThatThrownBy(() -> management.executeJob(failed.getId())).hasMessageContaining("500");
        management.executeJob(failed.getId());

        List<Request> sends = PROVIDERS.requests(sentTo(from));
        assertThat(sends).hasSize(3);
        assertThat(sends).allSatisfy(s -> assertThat(json(s).path("text").path("body").asText())
                .containsIgnoringCase("business days"));
        assertThat(replyStatus(conversation)).isEqualTo("SENT");
    }

    @Test
    void metaVerifiesTheWebhookUrlWithTheVerifyToken() {
        var right = api.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + WHATSAPP_VERIFY_TOKEN);
        var wrong = api.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
        var noMode = api.get("/webhooks/whatsapp?hub.challenge=1158201444&hub.verify_token=" + WHATSAPP_VERIFY_TOKEN);

        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("error").asText()).contains("verify-token");
        assertThat(noMode.status()).isEqualTo(403);
    }

    @Test
    void statusWebhooksMoveTheReplyToDeliveredThenReadAndALateSentDoesNotMoveItBack() throws Exception {
        String from = newNumber();
        String wamid = newWamid();
        postSigned(webhook, WHATSAPP_APP_SECRET, textMessage(from, wamid, "Ann", "How long does shipping take?"));
        UUID conversation = conversationOf(wamid);
        awaitTrue(() -> "SENT".equals(replyStatus(conversation)), "the reply is sent");
        String replyId = jdbc.sql("select provider_message_id from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).single();

        var delivered = postSigned(webhook, WHATSAPP_APP_SECRET, status(replyId, "delivered", from));
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(replyStatus(conversation)).isEqualTo("DELIVERED");

        postSigned(webhook, WHATSAPP_APP_SECRET, status(replyId, "read", from));
        assertThat(replyStatus(conversation)).isEqualTo("READ");

        var lateSent = postSigned(webhook, WHATSAPP_APP_SECRET, status(replyId, "sent", from));
        assertThat(lateSent.status()).isEqualTo(200);
        assertThat(replyStatus(conversation)).isEqualTo("READ");
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ?").param(conversation)
                .query(Integer.class).single()).as("statuses are not messages").isEqualTo(2);
    }

    @Test
    void aReplyMoreThan24HoursAfterTheCustomerWroteIsTheApprovedTemplate() throws Exception {
        String from = newNumber();
        String wamid = newWamid();
        postSigned(webhook, WHATSAPP_APP_SECRET, textMessage(from, wamid, "Ann", "How long does shipping take?"));
        UUID conversation = conversationOf(wamid);
        await(PROVIDERS, sentTo(from), 1, "the bot's reply within the window");
        jdbc.sql("update messages set created_at = ? where conversation_id = ? and direction = 'IN'")
                .params(java.time.OffsetDateTime.now().minusHours(25), conversation).update();

        var late = outbound.record(conversation, Author.AGENT, "Your replacement part ships tomorrow.\nSorry for the wait!",
                List.of());
        outbox.send(late.id());

        JsonNode body = json(await(PROVIDERS, sentTo(from), 2, "the late reply").get(1));
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.has("text")).isFalse();
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        JsonNode template = body.path("template");
        assertThat(template.path("name").asText()).isEqualTo("support_follow_up");
        assertThat(template.path("language").path("code").asText()).isEqualTo("en_US");
        JsonNode component = template.path("components").path(0);
        assertThat(component.path("type").asText()).isEqualTo("body");
        assertThat(component.path("parameters").path(0).path("type").asText()).isEqualTo("text");
        assertThat(component.path("parameters").path(0).path("text").asText())
                .as("one line: a template parameter may not hold a line break")
                .isEqualTo("Your replacement part ships tomorrow. Sorry for the wait!");
        assertThat(jdbc.sql("select delivery_status from messages where id = ?").param(late.id()).query(String.class)
                .single()).isEqualTo("SENT");
    }

    @Test
    void aBatchOfSeveralMessagesIsAcceptedMessageByMessageWithMediaAsAPlaceholder() throws Exception {
        String ann = newNumber();
        String bob = newNumber();
        String first = newWamid();
        String second = newWamid();
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ann"},"wa_id":"%s"},{"profile":{"name":"Bob"},"wa_id":"%s"}],
                  "messages":[
                    {"from":"%s","id":"%s","timestamp":"1739321024","type":"text","text":{"body":"How do I skip a delivery?"}},
                    {"from":"%s","id":"%s","timestamp":"1739321025","type":"image","image":{"caption":"The broken part",
                     "mime_type":"image/jpeg","sha256":"81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3",
                     "id":"2754859441498128"}}
                  ]},"field":"messages"}]}]}"""
                .formatted(WHATSAPP_PHONE_NUMBER_ID, ann, bob, ann, first, bob, second);

        var response = postSigned(webhook, WHATSAPP_APP_SECRET, payload);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(textOf(first)).isEqualTo("How do I skip a delivery?");
        assertThat(textOf(second)).isEqualTo("[image] The broken part");
        assertThat(senderOf(second)).isEqualTo("phone:+" + bob);
        await(PROVIDERS, sentTo(ann), 1, "the reply to the first sender");
        await(PROVIDERS, sentTo(bob), 1, "the reply to the second sender");
    }

    @Test
    void aMalformedPayloadWithAValidSignatureIs400NamingTheField() {
        String noId = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
                  "messages":[{"from":"16505551234","timestamp":"1","type":"text","text":{"body":"hi"}}]},
                  "field":"messages"}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID);

        var missingId = postSigned(webhook, WHATSAPP_APP_SECRET, noId);
        var notJson = postSigned(webhook, WHATSAPP_APP_SECRET, "{not json");
        var wrongObject = postSigned(webhook, WHATSAPP_APP_SECRET, "{\"object\":\"page\",\"entry\":[]}");

        assertThat(missingId.status()).isEqualTo(400);
        assertThat(missingId.json().path("field").asText()).isEqualTo("entry[0].changes[0].value.messages[0].id");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(wrongObject.status()).isEqualTo(400);
        assertThat(wrongObject.json().path("field").asText()).isEqualTo("object");
    }

    static String textMessage(String from, String wamid, String name, String text) {
        // Meta's example notification for a text message (WhatsApp Cloud API, webhooks reference, messages: text)
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":%s},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"1739321024","text":{"body":%s},"type":"text"}]},\
                "field":"messages"}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID, Api.quote(name), from, from, wamid,
                Api.quote(text));
    }

    static String status(String wamid, String status, String recipient) {
        // Meta's example status notification (WhatsApp Cloud API, webhooks reference, status messages)
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "statuses":[{"id":"%s","status":"%s","timestamp":"1750857384","recipient_id":"%s",\
                "pricing":{"billable":true,"pricing_model":"PMP","category":"service","type":"free_customer_service"}}]},\
                "field":"messages"}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID, wamid, status, recipient);
    }

    static String newNumber() {
        return "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String newWamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    static java.util.function.Predicate<Request> sentTo(String number) {
        return r -> r.path().equals(SEND_PATH) && number.equals(json(r).path("to").asText());
    }

    private UUID conversationOf(String wamid) {
        return jdbc.sql("select conversation_id from messages where channel = 'whatsapp' and provider_message_id = ?")
                .param(wamid).query(UUID.class).single();
    }

    private String replyStatus(UUID conversation) {
        return jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT' "
                + "order by seq limit 1").param(conversation).query(String.class).optional().orElse(null);
    }

    private int rowsWith(String wamid) {
        return jdbc.sql("select count(*) from messages where channel = 'whatsapp' and provider_message_id = ?")
                .param(wamid).query(Integer.class).single();
    }

    private String textOf(String wamid) {
        return jdbc.sql("select text from messages where provider_message_id = ?").param(wamid).query(String.class).single();
    }

    private String senderOf(String wamid) {
        return jdbc.sql("select sender_identity from messages where provider_message_id = ?").param(wamid)
                .query(String.class).single();
    }

    private Job awaitFailedSendJob(UUID conversation) throws InterruptedException {
        awaitTrue(() -> failedJob(conversation) != null, "the send job failed once");
        return failedJob(conversation);
    }

    /** The journey's failed job, found by the conversation id the journey carries as its business key. */
    private Job failedJob(UUID conversation) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString()).list().stream()
                .map(journey -> management.createJobQuery().processInstanceId(journey.getId()).withException()
                        .singleResult())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** No job of an earlier test is due, so the scripted failures meet this test's send and no other. */
    private void awaitNoJobDue() throws InterruptedException {
        awaitTrue(() -> management.createJobQuery().executable().count() == 0, "no job is due");
    }
}
