package io.throughline.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.OutboundDelivery;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.support.ProviderStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slack end to end against the whole application: Events API requests signed as Slack signs them, and replies to the
 * local stand-in for {@code chat.postMessage}.
 */
class SlackChannelTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String POST_PATH = "/slack/api/chat.postMessage";
    private static final String TEAM = "T0LARKSPUR";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong POSTED = new AtomicLong(1_700_000_000_000_000L);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SlackSender sender;

    /** chat.postMessage answers as Slack does: ok, the channel and the new message's ts. */
    @BeforeEach
    void slackAnswers() {
        PROVIDERS.answer(POST_PATH, request -> {
            JsonNode posted = json(request.bodyText());
            long micros = POSTED.incrementAndGet();
            String ts = micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
            return ProviderStub.Response.json(200, "{\"ok\":true,\"channel\":" + posted.path("channel") + ",\"ts\":\""
                    + ts + "\",\"message\":{\"type\":\"message\",\"subtype\":\"bot_message\",\"bot_id\":\"B0BOT\","
                    + "\"text\":" + posted.path("text") + ",\"ts\":\"" + ts + "\"}}");
        });
    }

    @Test
    void aSignedDirectMessageIsAnsweredInItsThreadThroughPostMessage() throws Exception {
        String channel = newId("D");
        String ts = newTs();

        var response = deliver(directMessage(channel, "U2147483697", ts, "How long does shipping take?"));

        assertThat(response.statusCode()).isEqualTo(200);
        ProviderStub.Request posted = awaitPosts(channel, 1).get(0);
        assertThat(posted.method()).isEqualTo("POST");
        assertThat(posted.header("Authorization")).isEqualTo("Bearer " + SLACK_BOT_TOKEN);
        assertThat(posted.header("Content-Type")).startsWith("application/json").containsIgnoringCase("charset=utf-8");
        JsonNode body = json(posted.bodyText());
        assertThat(body.path("channel").asText()).isEqualTo(channel);
        assertThat(body.path("thread_ts").asText()).isEqualTo(ts);
        assertThat(body.path("text").asText()).containsIgnoringCase("business days").contains("Sources:", "shipping.md");

        UUID conversation = conversationOf(channel, ts);
        assertThat(awaitSent(conversation)).as("the reply's provider id: channel and Slack's ts")
                .matches(channel + ":\\d+\\.\\d{6}");
        assertThat(jdbc.sql("select count(*) from customer_identities where identity_type = 'slack' and identity_value = ?")
                .param(TEAM + ":U2147483697").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBadOrMissingSignatureIs401AndStoresNothing() throws Exception {
        String channel = newId("D");
        String ts = newTs();
        byte[] event = directMessage(channel, newId("U"), ts, "How long does shipping take?");
        String now = Long.toString(Instant.now().getEpochSecond());

        var forged = deliver(event, now, SlackSignature.sign("someone-elses-secret", now, event), Map.of());
        var unsigned = deliver(event, null, null, Map.of());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged.body()).path("error").asText()).contains("X-Slack-Signature");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned.body()).path("field").asText()).isEqualTo("X-Slack-Signature");
        assertThat(rows(channel, ts)).isZero();
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRefusedEvenWhenCorrectlySigned() throws Exception {
        String channel = newId("D");
        String ts = newTs();
        byte[] event = directMessage(channel, newId("U"), ts, "How long does shipping take?");
        String sixMinutesAgo = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        var replayed = deliver(event, sixMinutesAgo, SlackSignature.sign(SLACK_SIGNING_SECRET, sixMinutesAgo, event),
                Map.of());

        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(json(replayed.body()).path("error").asText()).contains("5 minutes");
        assertThat(rows(channel, ts)).isZero();
    }

    @Test
    void slacksRetryOfTheSameEventCreatesOneMessage() throws Exception {
        String channel = newId("D");
        String ts = newTs();
        byte[] event = directMessage(channel, newId("U"), ts, "Do you ship to Belgium?");

        var first = deliver(event);
        // Slack retries after 3 s without an answer: the same body, signed anew, with the retry headers
        String later = Long.toString(Instant.now().getEpochSecond());
        var retry = deliver(event, later, SlackSignature.sign(SLACK_SIGNING_SECRET, later, event),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).as("200, so Slack stops retrying").isEqualTo(200);
        assertThat(rows(channel, ts)).isEqualTo(1);
        awaitSent(conversationOf(channel, ts)); // the one reply, out of the way of the next test's scripted failures
        assertThat(rows(channel, ts)).isEqualTo(1);
    }

    @Test
    void aPostThatFailsTwiceThenWorksDeliversOnce() throws Exception {
        String channel = newId("D");
        String ts = newTs();
        PROVIDERS.thenOnce(POST_PATH, ProviderStub.Response.json(500, "{\"ok\":false,\"error\":\"fatal_error\"}"),
                ProviderStub.Response.json(500, "{\"ok\":false,\"error\":\"fatal_error\"}"));

        assertThat(deliver(directMessage(channel, newId("U"), ts, "How long does shipping take?")).statusCode())
                .isEqualTo(200);
        UUID conversation = conversationOf(channel, ts);
        String journey = await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .list().stream().findFirst().map(instance -> instance.getId()).orElse(null), "the journey");
        Job failed = await(() -> management.createJobQuery().processInstanceId(journey).withException().singleResult(),
                "the send job failing once");
        assertThat(failed.getRetries()).isLessThan(5);
        assertThat(failed.getExceptionMessage()).contains("HTTP 500", "fatal_error");

        // the engine would wait 10 s before each retry: run the job now instead, once failing, then working
        assertThatThrownBy(() -> management.executeJob(failed.getId()))
                .satisfies(e -> assertThat(messages(e)).contains("HTTP 500"));
        management.executeJob(failed.getId());

        List<ProviderStub.Request> posts = PROVIDERS.requests(r -> r.path().equals(POST_PATH) && channelOf(r).equals(channel));
        assertThat(posts).hasSize(3);
        assertThat(posts).allSatisfy(r -> assertThat(json(r.bodyText()).path("text").asText())
                .containsIgnoringCase("business days"));
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT' "
                + "and delivery_status = 'SENT'").param(conversation).query(Integer.class).single()).isEqualTo(1);
        assertThat(awaitSent(conversation)).startsWith(channel + ":");
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
        // the example of api.slack.com/events/url_verification
        byte[] body = """
                {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
                 "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                 "type": "url_verification"}""".getBytes(StandardCharsets.UTF_8);

        var response = deliver(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void botMessagesOurOwnRepliesEditsAndUnmentionedChannelMessagesAreIgnored() throws Exception {
        String channel = newId("D");
        String ts = newTs();
        // our own chat.postMessage reply, as it comes back on message.im
        byte[] echo = envelope("""
                {"type": "message", "subtype": "bot_message", "bot_id": "B0BOT", "app_id": "A0PNCHHK2",
                 "text": "Orders ship within 2 business days.", "ts": "%s", "thread_ts": "%s", "channel": "%s",
                 "event_ts": "%s", "channel_type": "im"}""".formatted(ts, ts, channel, ts));
        // a bot user's message without a subtype still carries its bot_id
        String botTs = newTs();
        byte[] botUser = envelope("""
                {"type": "message", "user": "U0BOTUSER", "bot_id": "B0BOT", "text": "beep", "ts": "%s",
                 "channel": "%s", "event_ts": "%s", "channel_type": "im"}""".formatted(botTs, channel, botTs));
        String editTs = newTs();
        byte[] edit = envelope("""
                {"type": "message", "subtype": "message_changed", "hidden": true, "channel": "%s", "ts": "%s",
                 "event_ts": "%s", "channel_type": "im",
                 "message": {"type": "message", "user": "U2147483697", "text": "How long does shipping take?", "ts": "%s"}}"""
                .formatted(channel, editTs, editTs, ts));
        String channelTs = newTs();
        String publicChannel = newId("C");
        byte[] unmentioned = envelope("""
                {"type": "message", "user": "U2147483697", "text": "lunch anyone?", "ts": "%s", "channel": "%s",
                 "event_ts": "%s", "channel_type": "channel"}""".formatted(channelTs, publicChannel, channelTs));

        for (byte[] event : List.of(echo, botUser, edit, unmentioned)) {
            assertThat(deliver(event).statusCode()).isEqualTo(200);
        }
        assertThat(rows(channel, ts) + rows(channel, botTs) + rows(channel, editTs) + rows(publicChannel, channelTs))
                .isZero();
        assertThat(jdbc.sql("select count(*) from messages where channel = 'slack' and provider_message_id like ?")
                .param(channel + ":%").query(Integer.class).single()).isZero();
    }

    @Test
    void aMentionInAChannelIsAnsweredInItsThread() throws Exception {
        String channel = newId("C");
        String ts = newTs();
        String user = newId("U");
        byte[] mention = envelope("""
                {"type": "app_mention", "user": "%s", "text": "<@U0LAN0Z89> How long does shipping take?",
                 "ts": "%s", "channel": "%s", "event_ts": "%s"}""".formatted(user, ts, channel, ts));

        assertThat(deliver(mention).statusCode()).isEqualTo(200);

        JsonNode body = json(awaitPosts(channel, 1).get(0).bodyText());
        assertThat(body.path("thread_ts").asText()).isEqualTo(ts);
        assertThat(jdbc.sql("select text from messages where channel = 'slack' and provider_message_id = ?")
                .param(channel + ":" + ts).query(String.class).single()).isEqualTo("How long does shipping take?");
        awaitSent(conversationOf(channel, ts));
    }

    @Test
    void aMalformedEventWithAValidSignatureIs400NamingTheField() throws Exception {
        var noEvent = deliver("""
                {"token": "XXYYZZ", "team_id": "T0LARKSPUR", "type": "event_callback", "event_id": "Ev0PV52K21",
                 "event_time": 1355517523}""".getBytes(StandardCharsets.UTF_8));
        String ts = newTs();
        var noChannel = deliver(envelope("""
                {"type": "message", "user": "U2147483697", "text": "hi", "ts": "%s", "channel_type": "im"}"""
                .formatted(ts)));
        var notJson = deliver("{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(json(noEvent.body()).path("field").asText()).isEqualTo("event");
        assertThat(noChannel.statusCode()).isEqualTo(400);
        assertThat(json(noChannel.body()).path("field").asText()).isEqualTo("event.channel");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).path("error").asText()).contains("not valid JSON");
    }

    @Test
    void aRefusalWithOkFalseThrowsWithSlacksError() {
        PROVIDERS.thenOnce(POST_PATH, ProviderStub.Response.json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));
        var delivery = OutboundDelivery.direct(new Identity(IdentityType.SLACK, TEAM + ":U2147483697"), "Hello");

        assertThatThrownBy(() -> sender.send(delivery)).hasMessageContaining("channel_not_found");
        var posted = PROVIDERS.requests(r -> r.path().equals(POST_PATH) && channelOf(r).equals("U2147483697"));
        assertThat(posted).as("without a conversation, to the user's direct messages with the app").hasSize(1);
        assertThat(json(posted.get(0).bodyText()).has("thread_ts")).isFalse();
    }

    // --- Slack's side of the wire

    /** A message.im event in its envelope, as in Slack's docs (api.slack.com/events/message.im). */
    private static byte[] directMessage(String channel, String user, String ts, String text) {
        return envelope("""
                {"client_msg_id": "%s", "type": "message", "text": %s, "user": "%s", "ts": "%s", "team": "%s",
                 "channel": "%s", "event_ts": "%s", "channel_type": "im"}"""
                .formatted(UUID.randomUUID(), quote(text), user, ts, TEAM, channel, ts));
    }

    private static byte[] envelope(String event) {
        return """
                {"token": "one-long-verification-token", "team_id": "%s", "api_app_id": "A0PNCHHK2",
                 "event": %s,
                 "type": "event_callback",
                 "authorizations": [{"enterprise_id": null, "team_id": "%s", "user_id": "U0LAN0Z89", "is_bot": true,
                                     "is_enterprise_install": false}],
                 "event_id": "%s", "event_time": %d}"""
                .formatted(TEAM, event, TEAM, newId("Ev"), Instant.now().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signed now with the app's signing secret, as Slack signs every request. */
    private HttpResponse<String> deliver(byte[] body) throws IOException, InterruptedException {
        String now = Long.toString(Instant.now().getEpochSecond());
        return deliver(body, now, SlackSignature.sign(SLACK_SIGNING_SECRET, now, body), Map.of());
    }

    private HttpResponse<String> deliver(byte[] body, String timestamp, String signature, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/slack"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- what the application did

    private int rows(String channel, String ts) {
        return jdbc.sql("select count(*) from messages where channel = 'slack' and provider_message_id = ?")
                .param(channel + ":" + ts).query(Integer.class).single();
    }

    private UUID conversationOf(String channel, String ts) {
        return jdbc.sql("select conversation_id from messages where channel = 'slack' and provider_message_id = ?")
                .param(channel + ":" + ts).query(UUID.class).single();
    }

    private String awaitSent(UUID conversation) throws InterruptedException {
        return await(() -> jdbc.sql("select provider_message_id from messages where conversation_id = ? "
                        + "and direction = 'OUT' and delivery_status = 'SENT'").param(conversation).query(String.class)
                .optional().orElse(null), "the reply marked sent");
    }

    private List<ProviderStub.Request> awaitPosts(String channel, int count) throws InterruptedException {
        return await(() -> {
            var posts = PROVIDERS.requests(r -> r.path().equals(POST_PATH) && channelOf(r).equals(channel));
            return posts.size() >= count ? posts : null;
        }, count + " chat.postMessage request(s) to " + channel);
    }

    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + PATIENCE + "; requests so far:\n" + PROVIDERS);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String channelOf(ProviderStub.Request request) {
        return json(request.bodyText()).path("channel").asText();
    }

    private static String newId(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }

    private static String newTs() {
        long micros = ThreadLocalRandom.current().nextLong(1_600_000_000_000_000L, 1_699_999_999_999_999L);
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
