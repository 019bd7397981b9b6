package io.throughline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.SendRefused;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.support.ProviderStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Telegram end to end against the whole application: updates as the Bot API posts them to the webhook, with the secret
 * token given to setWebhook, and replies to the local stand-in for {@code sendMessage}.
 */
class TelegramChannelTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SEND_PATH = "/telegram/bot" + TELEGRAM_BOT_TOKEN + "/sendMessage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SENT_IDS = new AtomicLong(5_000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TelegramSender sender;
    @Autowired
    MeterRegistry meters;

    /** sendMessage answers as the Bot API does: ok, and the sent Message. */
    /** Answers scripted per chat, before the normal one: other tests' sends in the same run are not affected. */
    private static final java.util.Map<Long, java.util.Deque<ProviderStub.Response>> FAILING =
            new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void botApiAnswers() {
        PROVIDERS.answer(SEND_PATH, request -> {
            JsonNode sent = json(request.bodyText());
            var scripted = FAILING.get(sent.path("chat_id").asLong());
            ProviderStub.Response next = scripted == null ? null : scripted.poll();
            if (next != null) {
                return next;
            }
            return ProviderStub.Response.json(200, "{\"ok\":true,\"result\":{\"message_id\":" + SENT_IDS.incrementAndGet()
                    + ",\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Larkspur\",\"username\":\"larkspur_bot\"},"
                    + "\"chat\":{\"id\":" + sent.path("chat_id").asLong() + ",\"first_name\":\"Ann\",\"type\":\"private\"},"
                    + "\"date\":" + Instant.now().getEpochSecond() + ",\"text\":" + sent.path("text") + "}}");
        });
    }

    @Test
    void aPrivateMessageWithTheSecretTokenIsAnsweredThroughSendMessage() throws Exception {
        long chat = newChatId();

        var response = deliver(update(chat, 1, "How long does shipping take?"), TELEGRAM_SECRET_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        ProviderStub.Request sent = awaitSends(chat, 1).get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).as("the bot token is the Bot API's authentication, in the path")
                .isEqualTo("/telegram/bot" + TELEGRAM_BOT_TOKEN + "/sendMessage");
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode body = json(sent.bodyText());
        assertThat(body.path("chat_id").isIntegralNumber()).isTrue();
        assertThat(body.path("chat_id").asLong()).isEqualTo(chat);
        assertThat(body.path("text").asText()).containsIgnoringCase("business days").contains("Sources:", "shipping.md");
        assertThat(body.path("text").asText().length()).isLessThanOrEqualTo(4_096);

        UUID conversation = conversationOf(chat, 1);
        String reply = awaitSent(conversation);
        assertThat(reply).as("the provider id of the reply: chat and Telegram's message id").matches(chat + ":\\d+");
        assertThat(jdbc.sql("select c.display_name from customers c join customer_identities i on i.customer_id = c.id "
                        + "where i.identity_type = 'telegram' and i.identity_value = ?").param(Long.toString(chat))
                .query(String.class).single()).isEqualTo("Ann Lee");
        var clientMeters = meters.find("http.client.requests").meters().stream().map(m -> m.getId().toString()).toList();
        assertThat(clientMeters).as("client metrics name the URL template, not the token in the URL")
                .noneMatch(id -> id.contains(TELEGRAM_BOT_TOKEN))
                .filteredOn(id -> id.contains("uri=/telegram/")).isNotEmpty().allMatch(id -> id.contains("bot{token}"));
    }

    @Test
    void aWrongOrMissingSecretTokenIs401AndStoresNothing() throws Exception {
        long chat = newChatId();

        var wrong = deliver(update(chat, 1, "How long does shipping take?"), "not-the-secret-token");
        var missing = deliver(update(chat, 1, "How long does shipping take?"), null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong.body()).path("error").asText()).contains("X-Telegram-Bot-Api-Secret-Token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing.body()).path("field").asText()).isEqualTo("X-Telegram-Bot-Api-Secret-Token");
        assertThat(rows(chat, 1)).isZero();
        assertThat(jdbc.sql("select count(*) from customer_identities where identity_type = 'telegram' and identity_value = ?")
                .param(Long.toString(chat)).query(Integer.class).single()).isZero();
    }

    @Test
    void theSameUpdateDeliveredTwiceCreatesOneMessage() throws Exception {
        long chat = newChatId();
        String update = update(chat, 1, "Do you ship to Belgium?");

        var first = deliver(update, TELEGRAM_SECRET_TOKEN);
        var again = deliver(update, TELEGRAM_SECRET_TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).as("200, so Telegram stops delivering it").isEqualTo(200);
        assertThat(rows(chat, 1)).isEqualTo(1);
        awaitSent(conversationOf(chat, 1)); // the one reply, out of the way of the next test's scripted failures
        assertThat(rows(chat, 1)).isEqualTo(1);
    }

    @Test
    void aSendThatFailsTwiceThenWorksDeliversOnce() throws Exception {
        long chat = newChatId();
        String failure = "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}";
        PROVIDERS.thenOnce(SEND_PATH, ProviderStub.Response.json(500, failure), ProviderStub.Response.json(500, failure));

        assertThat(deliver(update(chat, 1, "How long does shipping take?"), TELEGRAM_SECRET_TOKEN).statusCode())
                .isEqualTo(200);
        UUID conversation = conversationOf(chat, 1);
        String journey = await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .list().stream().findFirst().map(instance -> instance.getId()).orElse(null), "the journey");
        Job failed = await(() -> management.createJobQuery().processInstanceId(journey).withException().singleResult(),
                "the send job failing once");
        assertThat(failed.getRetries()).isLessThan(5);
        assertThat(failed.getExceptionMessage()).contains("HTTP 500").doesNotContain(TELEGRAM_BOT_TOKEN);
        assertThat(management.getJobExceptionStacktrace(failed.getId())).doesNotContain(TELEGRAM_BOT_TOKEN);

        // the engine would wait 10 s before each retry: run the job now instead, once failing, then working
        assertThatThrownBy(() -> management.executeJob(failed.getId()))
                .satisfies(e -> assertThat(messages(e)).contains("HTTP 500"));
        management.executeJob(failed.getId());

        List<ProviderStub.Request> sends = PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat);
        assertThat(sends).hasSize(3);
        assertThat(sends).allSatisfy(r -> assertThat(json(r.bodyText()).path("text").asText())
                .containsIgnoringCase("business days"));
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT' "
                + "and delivery_status = 'SENT'").param(conversation).query(Integer.class).single()).isEqualTo(1);
        assertThat(awaitSent(conversation)).matches(chat + ":\\d+");
    }

    @Test
    void aBotTheCustomerBlockedIsNotRetriedTheReplyFailsAndCockpitShowsAnIncident() throws Exception {
        long chat = newChatId();
        FAILING.put(chat, new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(ProviderStub.Response.json(403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"))));

        deliver(update(chat, 1, "How long does shipping take?"), TELEGRAM_SECRET_TOKEN);
        UUID conversation = conversationOf(chat, 1);
        String journey = await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .list().stream().findFirst().map(instance -> instance.getId()).orElse(null), "the journey");
        var incident = await(() -> runtime.createIncidentQuery().processInstanceId(journey).incidentType("sendRefused")
                .singleResult(), "a sendRefused incident");

        assertThat(incident.getIncidentMessage()).contains("bot was blocked by the user");
        assertThat(jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).single()).isEqualTo("FAILED");
        assertThat(PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat)).as("tried once").hasSize(1);
        assertThat(management.createJobQuery().processInstanceId(journey).withException().count()).as("no retry").isZero();
    }

    @Test
    void aSendThatNeverWorksEndsFailedWithAnIncidentAfterTheLastRetry() throws Exception {
        long chat = newChatId();
        String failure = "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}";
        FAILING.put(chat, new java.util.concurrent.ConcurrentLinkedDeque<>(java.util.Collections.nCopies(5,
                ProviderStub.Response.json(502, failure))));

        deliver(update(chat, 1, "How long does shipping take?"), TELEGRAM_SECRET_TOKEN);
        UUID conversation = conversationOf(chat, 1);
        String journey = await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .list().stream().findFirst().map(instance -> instance.getId()).orElse(null), "the journey");
        Job failed = await(() -> management.createJobQuery().processInstanceId(journey).withException().singleResult(),
                "the send job failing once");
        // the engine would wait 10 s, 30 s, 2 min and 10 min: run the four retries now
        for (int retry = 0; retry < 4; retry++) {
            assertThatThrownBy(() -> management.executeJob(failed.getId())).isNotNull();
        }

        assertThat(management.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(journey).incidentType("failedJob").count()).isEqualTo(1);
        assertThat(jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).single()).as("the conversation shows the failure").isEqualTo("FAILED");
        assertThat(PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat)).hasSize(5);
    }

    /**
     * Issue 8's provider outage: Telegram answers 502 for longer than the retries last, the last retry leaves an
     * incident, and once Telegram is back the operator retries the job (Cockpit's "retry" sets its retries, as here):
     * the reply goes out, once, and the incident is resolved.
     */
    @Test
    void aProviderDownForAWhileEndsInAnIncidentAndTheOperatorsRetryAfterItRecoversDeliversOnce() throws Exception {
        long chat = newChatId();
        String failure = "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}";
        FAILING.put(chat, new java.util.concurrent.ConcurrentLinkedDeque<>(java.util.Collections.nCopies(5,
                ProviderStub.Response.json(502, failure))));

        deliver(update(chat, 1, "How long does shipping take?"), TELEGRAM_SECRET_TOKEN);
        UUID conversation = conversationOf(chat, 1);
        String journey = await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .list().stream().findFirst().map(instance -> instance.getId()).orElse(null), "the journey");
        Job failed = await(() -> management.createJobQuery().processInstanceId(journey).withException().singleResult(),
                "the send job failing once");
        for (int retry = 0; retry < 4; retry++) {
            assertThatThrownBy(() -> management.executeJob(failed.getId())).isNotNull();
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(journey).incidentType("failedJob").count()).isEqualTo(1);
        assertThat(FAILING.get(chat)).as("the provider is back").isEmpty();

        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());

        List<ProviderStub.Request> sends = PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat);
        assertThat(sends).as("five refused attempts and the one delivery").hasSize(6);
        assertThat(awaitSent(conversation)).matches(chat + ":\\d+");
        assertThat(jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).list()).containsExactly("SENT");
        assertThat(runtime.createIncidentQuery().processInstanceId(journey).count()).as("incident resolved").isZero();
        Thread.sleep(1_000);
        assertThat(PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat)).hasSize(6);
    }

    @Test
    void groupChatsEditsAndBotsAreAnswered200AndIgnored() throws Exception {
        long chat = newChatId();
        String group = """
                {"update_id": %d, "message": {"message_id": 1, "from": {"id": %d, "is_bot": false, "first_name": "Ann"},
                 "chat": {"id": -%d, "title": "Larkspur fans", "type": "group"}, "date": 1700000000,
                 "text": "How long does shipping take?"}}""".formatted(updateId(), chat, chat);
        String edited = """
                {"update_id": %d, "edited_message": {"message_id": 2, "from": {"id": %d, "is_bot": false, "first_name": "Ann"},
                 "chat": {"id": %d, "first_name": "Ann", "type": "private"}, "date": 1700000000, "edit_date": 1700000060,
                 "text": "How long does shipping take to Belgium?"}}""".formatted(updateId(), chat, chat);
        String callback = """
                {"update_id": %d, "callback_query": {"id": "4382bfdwdsb323b2d9", "from": {"id": %d, "is_bot": false,
                 "first_name": "Ann"}, "data": "yes", "chat_instance": "-42"}}""".formatted(updateId(), chat);

        for (String update : List.of(group, edited, callback)) {
            assertThat(deliver(update, TELEGRAM_SECRET_TOKEN).statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from messages where channel = 'telegram' and provider_message_id like ?")
                .param("%" + chat + ":%").query(Integer.class).single()).isZero();
    }

    @Test
    void aMalformedUpdateWithTheRightSecretIs400NamingTheField() throws Exception {
        long chat = newChatId();

        var noUpdateId = deliver("{\"message\": {\"message_id\": 1, \"chat\": {\"id\": " + chat
                + ", \"type\": \"private\"}, \"text\": \"hi\"}}", TELEGRAM_SECRET_TOKEN);
        var noChat = deliver("{\"update_id\": " + updateId() + ", \"message\": {\"message_id\": 1, \"text\": \"hi\"}}",
                TELEGRAM_SECRET_TOKEN);
        var notJson = deliver("{not json", TELEGRAM_SECRET_TOKEN);

        assertThat(noUpdateId.statusCode()).isEqualTo(400);
        assertThat(json(noUpdateId.body()).path("field").asText()).isEqualTo("update_id");
        assertThat(noChat.statusCode()).isEqualTo(400);
        assertThat(json(noChat.body()).path("field").asText()).isEqualTo("message.chat.id");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).path("error").asText()).contains("not valid JSON");
        assertThat(rows(chat, 1)).isZero();
    }

    @Test
    void aRefusedSendThrowsWithTelegramsDescriptionAndNeverTheToken() {
        PROVIDERS.thenOnce(SEND_PATH, ProviderStub.Response.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        var delivery = OutboundDelivery.direct(new Identity(IdentityType.TELEGRAM, "42"), "Your code is 123456");

        assertThatThrownBy(() -> sender.send(delivery))
                .isInstanceOf(SendRefused.class)
                .hasMessageContaining("chat not found")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TELEGRAM_BOT_TOKEN));
    }

    // --- Telegram's side of the wire

    /** An Update as the Bot API posts it for a private text message (core.telegram.org/bots/api#update). */
    private static String update(long chat, long messageId, String text) {
        return """
                {"update_id": %d,
                 "message": {"message_id": %d,
                  "from": {"id": %d, "is_bot": false, "first_name": "Ann", "last_name": "Lee", "username": "annlee",
                           "language_code": "en"},
                  "chat": {"id": %d, "first_name": "Ann", "last_name": "Lee", "username": "annlee", "type": "private"},
                  "date": %d, "text": %s}}""".formatted(updateId(), messageId, chat, chat, Instant.now().getEpochSecond(),
                quote(text));
    }

    private HttpResponse<String> deliver(String update, String secretToken) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- what the application did

    private int rows(long chat, long messageId) {
        return jdbc.sql("select count(*) from messages where channel = 'telegram' and provider_message_id = ?")
                .param(chat + ":" + messageId).query(Integer.class).single();
    }

    private UUID conversationOf(long chat, long messageId) {
        return jdbc.sql("select conversation_id from messages where channel = 'telegram' and provider_message_id = ?")
                .param(chat + ":" + messageId).query(UUID.class).single();
    }

    /** Waits for the bot's reply in the conversation to be sent, and returns its provider id. */
    private String awaitSent(UUID conversation) throws InterruptedException {
        return await(() -> jdbc.sql("select provider_message_id from messages where conversation_id = ? "
                        + "and direction = 'OUT' and delivery_status = 'SENT'").param(conversation).query(String.class)
                .optional().orElse(null), "the reply marked sent");
    }

    private List<ProviderStub.Request> awaitSends(long chat, int count) throws InterruptedException {
        return await(() -> {
            var sends = PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && chatOf(r) == chat);
            return sends.size() >= count ? sends : null;
        }, count + " sendMessage request(s) for chat " + chat);
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

    /** The messages of an exception and its causes: the engine may wrap what the send threw. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static long chatOf(ProviderStub.Request request) {
        return json(request.bodyText()).path("chat_id").asLong();
    }

    private static long newChatId() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
    }

    private static long updateId() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
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
