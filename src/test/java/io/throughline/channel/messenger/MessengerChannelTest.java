package io.throughline.channel.messenger;

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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messenger and Instagram end to end against the whole application: webhooks shaped and signed as the Messenger
 * Platform sends them, replies arriving at a stand-in for the Send API in its format.
 */
class MessengerChannelTest extends ChannelTestBase {

    static final String SEND_PATH = "/messenger/" + MessengerSettings.DEFAULT_API_VERSION + "/me/messages";
    static final String PAGE_ID = "1234567890123456";
    static final String INSTAGRAM_ACCOUNT_ID = "17841400000000000";

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
    void sendApiAnswersWithAMessageId() {
        webhook = api.base() + "/webhooks/messenger";
        // the Send API's answer (Messenger Platform, Send API reference)
        PROVIDERS.answer(SEND_PATH, request -> Response.json(200, "{\"recipient_id\":\"%s\",\"message_id\":\"m_%s\"}"
                .formatted(json(request).path("recipient").path("id").asText(), UUID.randomUUID())));
    }

    @Test
    void aSignedMessengerMessageIsAcceptedAndAnsweredInTheSendApiFormat() throws Exception {
        String psid = newId();
        String mid = newMid();

        var response = postSigned(webhook, MESSENGER_APP_SECRET, messengerMessage(psid, mid, "How long does shipping take?"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        Request send = await(PROVIDERS, sentTo(psid), 1, "the reply to " + psid).get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.query()).isEqualTo("access_token=" + MESSENGER_PAGE_ACCESS_TOKEN);
        assertThat(send.header("Content-Type")).startsWith("application/json");
        JsonNode body = json(send);
        assertThat(body.path("recipient").path("id").asText()).isEqualTo(psid);
        assertThat(body.path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(body.has("tag")).isFalse();
        assertThat(body.path("message").path("text").asText()).containsIgnoringCase("business days");
        assertThat(body.path("message").path("text").asText().length()).isLessThan(2_000);

        assertThat(api.getAs(Api.DEMO, "/api/customers?identity=messenger:" + psid).status()).isEqualTo(200);
        UUID conversation = conversationOf(mid);
        awaitTrue(() -> "SENT".equals(replyStatus(conversation)), "the reply is marked sent");
        assertThat(replyId(conversation)).startsWith("m_");
    }

    @Test
    void aBadOrMissingSignatureIs401AndStoresNothing() {
        String mid = newMid();
        byte[] body = messengerMessage(newId(), mid, "How long does shipping take?").getBytes(StandardCharsets.UTF_8);

        var wrongSecret = post(webhook, body, HubSignature.of("not-the-app-secret", body));
        var missing = post(webhook, body, null);
        var sha1 = post(webhook, body, "sha1=" + HubSignature.of(MESSENGER_APP_SECRET, body).substring(7));

        for (var response : List.of(wrongSecret, missing, sha1)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("field").asText()).isEqualTo("X-Hub-Signature-256");
        }
        assertThat(rowsWith(mid)).isZero();
    }

    @Test
    void theSameMessageDeliveredTwiceIsOneRow() throws Exception {
        String psid = newId();
        String mid = newMid();
        String payload = messengerMessage(psid, mid, "How do I reset my password?");

        var first = postSigned(webhook, MESSENGER_APP_SECRET, payload);
        var again = postSigned(webhook, MESSENGER_APP_SECRET, payload);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(rowsWith(mid)).isEqualTo(1);
        await(PROVIDERS, sentTo(psid), 1, "the one reply");
        assertThat(PROVIDERS.requests(sentTo(psid))).hasSize(1);
    }

    @Test
    void aSendApiThatFailsTwiceThenWorksDeliversExactlyOnce() throws Exception {
        awaitTrue(() -> management.createJobQuery().executable().count() == 0, "no job of an earlier test is due");
        String psid = newId();
        String mid = newMid();
        PROVIDERS.thenOnce(SEND_PATH,
                Response.json(500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2}}"),
                Response.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));

        postSigned(webhook, MESSENGER_APP_SECRET, messengerMessage(psid, mid, "How long does shipping take?"));
        UUID conversation = conversationOf(mid);
        awaitTrue(() -> failedJob(conversation) != null, "the send job failed once");
        Job failed = failedJob(conversation);
        assertThat(failed.getRetries()).isLessThan(5);
        assertThat(failed.getExceptionMessage()).contains("Messenger Send API answered 500")
                .doesNotContain(MESSENGER_PAGE_ACCESS_TOKEN);

        assertThatThrownBy(() -> management.executeJob(failed.getId())).hasMessageContaining("503");
        management.executeJob(failed.getId());

        List<Request> sends = PROVIDERS.requests(sentTo(psid));
        assertThat(sends).hasSize(3);
        assertThat(sends).allSatisfy(s -> assertThat(json(s).path("message").path("text").asText())
                .containsIgnoringCase("business days"));
        assertThat(replyStatus(conversation)).isEqualTo("SENT");
    }

    @Test
    void metaVerifiesTheWebhookUrlWithTheVerifyToken() {
        var right = api.get("/webhooks/messenger?hub.mode=subscribe&hub.challenge=CHALLENGE_ACCEPTED&hub.verify_token="
                + MESSENGER_VERIFY_TOKEN);
        var wrong = api.get("/webhooks/messenger?hub.mode=subscribe&hub.challenge=CHALLENGE_ACCEPTED&hub.verify_token="
                + WHATSAPP_VERIFY_TOKEN);

        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("CHALLENGE_ACCEPTED");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("field").asText()).isEqualTo("hub.verify_token");
    }

    @Test
    void anEchoOfThePagesOwnMessageIsNeverAccepted() {
        String psid = newId();
        String mid = newMid();
        // message_echoes: sender is the Page, recipient the person (Messenger Platform, webhook events reference)
        String echo = """
                {"object":"page","entry":[{"id":"%s","time":1458692752478,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1457764197627,
                  "message":{"is_echo":true,"app_id":1517776481860111,"metadata":"<DEVELOPER_DEFINED_METADATA_STRING>",
                             "mid":"%s","text":"Orders ship in 3 business days."}}]}]}"""
                .formatted(PAGE_ID, PAGE_ID, psid, mid);

        var response = postSigned(webhook, MESSENGER_APP_SECRET, echo);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isZero();
        assertThat(rowsWith(mid)).isZero();
    }

    @Test
    void deliveryReceiptsNameMidsAndReadReceiptsAWatermark() throws Exception {
        String psid = newId();
        String mid = newMid();
        postSigned(webhook, MESSENGER_APP_SECRET, messengerMessage(psid, mid, "How long does shipping take?"));
        UUID conversation = conversationOf(mid);
        awaitTrue(() -> "SENT".equals(replyStatus(conversation)), "the reply is sent");
        String replyId = replyId(conversation);

        var delivered = postSigned(webhook, MESSENGER_APP_SECRET, """
                {"object":"page","entry":[{"id":"%s","time":1458668856451,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},
                  "delivery":{"mids":["%s"],"watermark":1458668856253}}]}]}"""
                .formatted(PAGE_ID, psid, PAGE_ID, replyId));
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(replyStatus(conversation)).isEqualTo("DELIVERED");

        // Meta's watermark is its own stamp of the latest message read: just after we recorded the reply, before the
        // send returned
        long watermark = jdbc.sql("select created_at from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(OffsetDateTime.class).single().toInstant().toEpochMilli() + 1;
        var earlier = postSigned(webhook, MESSENGER_APP_SECRET, read(psid, watermark - 60_000));
        assertThat(earlier.status()).isEqualTo(200);
        assertThat(replyStatus(conversation)).as("read up to a minute before the reply").isEqualTo("DELIVERED");

        var read = postSigned(webhook, MESSENGER_APP_SECRET, read(psid, watermark));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("receipts").asInt()).isEqualTo(1);
        assertThat(replyStatus(conversation)).isEqualTo("READ");
    }

    @Test
    void afterTwentyFourHoursOnlyAnAgentsReplyGoesOutTaggedHumanAgent() throws Exception {
        String psid = newId();
        String mid = newMid();
        postSigned(webhook, MESSENGER_APP_SECRET, messengerMessage(psid, mid, "How long does shipping take?"));
        UUID conversation = conversationOf(mid);
        await(PROVIDERS, sentTo(psid), 1, "the bot's reply within 24 hours");
        jdbc.sql("update messages set created_at = ? where conversation_id = ? and direction = 'IN'")
                .params(OffsetDateTime.now().minusDays(2), conversation).update();

        var agents = outbound.record(conversation, Author.AGENT, "Sam here: your parcel left our warehouse today.", List.of());
        outbox.send(agents.id());
        var bots = outbound.record(conversation, Author.BOT, "Is there anything else I can help with?", List.of());

        JsonNode tagged = json(await(PROVIDERS, sentTo(psid), 2, "the agent's late reply").get(1));
        assertThat(tagged.path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
        assertThat(tagged.path("tag").asText()).isEqualTo("HUMAN_AGENT");
        assertThat(tagged.path("message").path("text").asText()).isEqualTo("Sam here: your parcel left our warehouse today.");
        assertThatThrownBy(() -> outbox.send(bots.id())).hasMessageContaining("HUMAN_AGENT")
                .hasMessageContaining("more than 24 hours ago");
        assertThat(PROVIDERS.requests(sentTo(psid))).as("the bot's late reply never reached Meta").hasSize(2);
    }

    @Test
    void aSignedInstagramMessageIsAcceptedAndAnsweredAsInstagram() throws Exception {
        String igsid = newId();
        String mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + UUID.randomUUID().toString().replace("-", "");
        // Instagram messaging webhook (Messenger Platform, Instagram messaging webhooks: messages)
        String payload = """
                {"object":"instagram","entry":[{"id":"%s","time":1569262486134,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1569262485349,
                  "message":{"mid":"%s","text":"How long does shipping take?"}}]}]}"""
                .formatted(INSTAGRAM_ACCOUNT_ID, igsid, INSTAGRAM_ACCOUNT_ID, mid);

        var response = postSigned(webhook, MESSENGER_APP_SECRET, payload);

        assertThat(response.status()).isEqualTo(200);
        assertThat(jdbc.sql("select channel || ' ' || sender_identity from messages where provider_message_id = ?")
                .param(mid).query(String.class).single()).isEqualTo("instagram instagram:" + igsid);
        JsonNode body = json(await(PROVIDERS, sentTo(igsid), 1, "the reply on Instagram").get(0));
        assertThat(body.path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asText()).containsIgnoringCase("business days");
        assertThat(body.path("message").path("text").asText().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(1_000);
        UUID conversation = conversationOf(mid);
        awaitTrue(() -> "SENT".equals(replyStatus(conversation)), "the reply is sent");

        // Instagram's read receipt names the message (messaging_seen)
        var seen = postSigned(webhook, MESSENGER_APP_SECRET, """
                {"object":"instagram","entry":[{"id":"%s","time":1603059201,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1603059201,
                  "read":{"mid":"%s"}}]}]}""".formatted(INSTAGRAM_ACCOUNT_ID, igsid, INSTAGRAM_ACCOUNT_ID,
                replyId(conversation)));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(replyStatus(conversation)).isEqualTo("READ");
    }

    @Test
    void anAttachmentIsAcceptedAsAPlaceholderAndAMalformedPayloadIs400() throws Exception {
        String psid = newId();
        String mid = newMid();
        var image = postSigned(webhook, MESSENGER_APP_SECRET, """
                {"object":"page","entry":[{"id":"%s","time":1458692752478,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1458692752478,
                  "message":{"mid":"%s","attachments":[{"type":"image","payload":{"url":"https://cdn.example/img.jpg"}}]}}]}]}"""
                .formatted(PAGE_ID, psid, PAGE_ID, mid));
        var noMid = postSigned(webhook, MESSENGER_APP_SECRET, """
                {"object":"page","entry":[{"id":"%s","time":1,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                  "timestamp":1,"message":{"text":"hello"}}]}]}""".formatted(PAGE_ID, newId(), PAGE_ID));
        var wrongObject = postSigned(webhook, MESSENGER_APP_SECRET, "{\"object\":\"whatsapp_business_account\",\"entry\":[]}");

        assertThat(image.status()).isEqualTo(200);
        assertThat(jdbc.sql("select text from messages where provider_message_id = ?").param(mid).query(String.class)
                .single()).isEqualTo("[image]");
        assertThat(noMid.status()).isEqualTo(400);
        assertThat(noMid.json().path("field").asText()).isEqualTo("entry[0].messaging[0].message.mid");
        assertThat(wrongObject.status()).isEqualTo(400);
        assertThat(wrongObject.json().path("field").asText()).isEqualTo("object");
        await(PROVIDERS, sentTo(psid), 1, "some reply to the picture");
    }

    /** message_reads (Messenger Platform, webhook events reference). */
    static String read(String psid, long watermark) {
        return """
                {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{
                  "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":%d,
                  "read":{"watermark":%d}}]}]}""".formatted(PAGE_ID, watermark + 200, psid, PAGE_ID, watermark + 200,
                watermark);
    }

    static String messengerMessage(String psid, String mid, String text) {
        // messages webhook event (Messenger Platform, webhook events reference: messages)
        return """
                {"object":"page","entry":[{"id":"%s","time":1458692752478,"messaging":[{\
                "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1762902671,\
                "message":{"mid":"%s","text":%s}}]}]}""".formatted(PAGE_ID, psid, PAGE_ID, mid, Api.quote(text));
    }

    static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
    }

    static String newMid() {
        return "m_" + UUID.randomUUID().toString().replace("-", "");
    }

    static Predicate<Request> sentTo(String id) {
        return r -> r.path().equals(SEND_PATH) && id.equals(json(r).path("recipient").path("id").asText());
    }

    private UUID conversationOf(String mid) {
        return jdbc.sql("select conversation_id from messages where provider_message_id = ? and direction = 'IN'")
                .param(mid).query(UUID.class).single();
    }

    private String replyStatus(UUID conversation) {
        return jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT' "
                + "order by seq limit 1").param(conversation).query(String.class).optional().orElse(null);
    }

    private String replyId(UUID conversation) {
        return jdbc.sql("select provider_message_id from messages where conversation_id = ? and direction = 'OUT' "
                + "order by seq limit 1").param(conversation).query(String.class).single();
    }

    private int rowsWith(String mid) {
        return jdbc.sql("select count(*) from messages where channel in ('messenger', 'instagram') "
                + "and provider_message_id = ?").param(mid).query(Integer.class).single();
    }

    private Job failedJob(UUID conversation) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString()).list().stream()
                .map(journey -> management.createJobQuery().processInstanceId(journey.getId()).withException()
                        .singleResult())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
