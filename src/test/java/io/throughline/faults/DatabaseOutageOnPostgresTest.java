package io.throughline.faults;

import static io.throughline.support.Api.message;
import static io.throughline.support.Api.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.support.AppProcess;
import io.throughline.support.Postgres;
import io.throughline.support.ProviderStub;
import io.throughline.support.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under load and comes back. The app sits behind a TCP proxy the test cuts (every connection
 * closed, new ones refused: what a database restart looks like from the app) and restores, so the shared server itself
 * is never restarted. While it is cut, web chat and webhooks answer 503 with a JSON error and Retry-After, readiness is
 * DOWN (liveness stays UP: restarting the app would not help), and senders retry; afterwards every message that was
 * ever accepted has its one reply.
 */
class DatabaseOutageOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BOT_TOKEN = "123456:outage-test";
    private static final String SECRET_TOKEN = "outage-secret-token";
    private static final int VISITORS = 6;

    private record Answer(int status, String retryAfter, JsonNode body) {}

    @Test
    void whileTheDatabaseIsUnreachableTheAppAnswers503AndAfterwardsNothingAcceptedIsLost() throws Exception {
        Postgres.Database database = Postgres.freshDatabase();
        URI server = URI.create(database.url().substring("jdbc:".length()));
        Path dir = Files.createDirectories(Path.of("target", "database-outage-" + System.currentTimeMillis()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort()); ProviderStub telegram = new ProviderStub();
             AppProcess app = AppProcess.start(dir, "app",
                     "--spring.datasource.url=" + database.url().replace(server.getHost() + ":" + server.getPort(),
                             "127.0.0.1:" + proxy.port()),
                     "--spring.datasource.username=" + database.user(),
                     "--spring.datasource.password=" + database.password(),
                     "--throughline.demo-user=true",
                     "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                     "--throughline.channels.telegram.bot-token=" + BOT_TOKEN,
                     "--throughline.channels.telegram.secret-token=" + SECRET_TOKEN,
                     "--throughline.channels.telegram.api-base-url=" + telegram.url())) {
            String base = app.api().base();
            Set<String> conversations = ConcurrentHashMap.newKeySet();
            List<Answer> refusals = new CopyOnWriteArrayList<>();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Thread> visitors = new java.util.ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                Thread visitor = new Thread(() -> chat(base, sending, sent, conversations, refusals), "visitor-" + i);
                visitor.start();
                visitors.add(visitor);
            }

            Thread.sleep(3_000);
            proxy.cut();
            Instant cut = Instant.now();
            Answer readiness = awaitStatus(base + "/actuator/health/readiness", 503, Duration.ofSeconds(60));
            assertThat(readiness.body().path("status").asText()).isEqualTo("DOWN");
            assertThat(get(base + "/actuator/health/liveness").status()).as("liveness stays UP").isEqualTo(200);
            long chat = System.nanoTime() % 1_000_000_000L;
            String update = update(chat, "How long does shipping take?");
            Answer webhookDuringOutage = telegramWebhook(base, update);
            // down for a while: at least 10 s, and until every visitor was refused
            while ((refusals.size() < VISITORS || Duration.between(cut, Instant.now()).toSeconds() < 10)
                    && Duration.between(cut, Instant.now()).toSeconds() < 90) {
                Thread.sleep(200);
            }
            proxy.restore();
            awaitStatus(base + "/actuator/health/readiness", 200, Duration.ofSeconds(90));
            Answer webhookRetried = telegramWebhook(base, update); // Telegram retries an update answered with a 5xx
            Thread.sleep(3_000);
            sending.set(false);
            for (Thread visitor : visitors) {
                visitor.join();
            }

            assertThat(webhookDuringOutage.status()).isEqualTo(503);
            assertThat(webhookDuringOutage.retryAfter()).isNotBlank();
            assertThat(webhookDuringOutage.body().path("error").asText()).contains("database");
            assertThat(webhookRetried.status()).isEqualTo(200);
            assertThat(refusals).as("web chat refused while the database was away").isNotEmpty().allSatisfy(refusal -> {
                assertThat(refusal.status()).isEqualTo(503);
                assertThat(refusal.retryAfter()).isNotBlank();
                assertThat(refusal.body().path("error").asText()).contains("send the same request again");
            });

            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (repliedConversations(database, conversations) < conversations.size() && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            Thread.sleep(6_000); // longer than a lock: a job run twice would have shown its second reply by now
            System.out.printf("%nDatabaseOutageOnPostgresTest: %d web-chat messages sent, %d answered 503 at least once, "
                            + "%d accepted, %d with exactly one reply%n%n", sent.get(), refusals.size(), conversations.size(),
                    exactlyOnce(database, conversations));
            assertThat(conversations).as("every message was accepted in the end").hasSize(sent.get());
            assertThat(exactlyOnce(database, conversations)).as("conversations with exactly one bot reply")
                    .isEqualTo(conversations.size());
            telegram.await("/bot" + BOT_TOKEN + "/sendMessage", 1, Duration.ofSeconds(60));
            Thread.sleep(1_000);
            assertThat(telegram.requestsTo("/bot" + BOT_TOKEN + "/sendMessage")).as("one reply on Telegram").hasSize(1);
        }
    }

    /** Visitors write one message each; a refused one is sent again, same clientMessageId, after Retry-After. */
    private static void chat(String base, AtomicBoolean sending, AtomicInteger sent, Set<String> conversations,
                             List<Answer> refusals) {
        while (sending.get()) {
            String path = "/api/webchat/" + UUID.randomUUID() + "/messages";
            String body = message("How long does shipping take?", "m-" + sent.incrementAndGet());
            boolean refused = false;
            while (true) {
                Answer answer = post(base + path, body, null);
                if (answer.status() == 202 || answer.status() == 200) {
                    conversations.add(answer.body().path("conversationId").asText());
                    break;
                }
                if (!refused) {
                    refusals.add(answer);
                    refused = true;
                }
                sleep(answer.retryAfter() == null ? 1_000 : 1_000L * Math.min(2, Long.parseLong(answer.retryAfter())));
            }
            sleep(100);
        }
    }

    private static Answer telegramWebhook(String base, String update) {
        return post(base + "/webhooks/telegram", update, SECRET_TOKEN);
    }

    private static Answer post(String url, String json, String telegramSecret) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (telegramSecret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", telegramSecret);
        }
        return send(request);
    }

    private static Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), body);
        } catch (Exception e) {
            return new Answer(0, null, JSON.createObjectNode().put("error", e.toString()));
        }
    }

    private static Answer awaitStatus(String url, int status, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get(url);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " did not answer " + status + " within " + patience + "; last: " + last);
    }

    private static long repliedConversations(Postgres.Database database, Set<String> conversations) throws Exception {
        return countConversations(database, conversations, "n >= 1");
    }

    private static long exactlyOnce(Postgres.Database database, Set<String> conversations) throws Exception {
        return countConversations(database, conversations, "n = 1");
    }

    private static long countConversations(Postgres.Database database, Set<String> conversations, String having)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = connection.prepareStatement("""
                     select count(*) from (
                       select conversation_id, count(*) as n from messages
                       where author = 'bot' and direction = 'OUT' and delivery_status = 'SENT'
                         and conversation_id = any (?) group by conversation_id) r where\s""" + having)) {
            statement.setArray(1, connection.createArrayOf("uuid", conversations.stream().map(UUID::fromString).toArray()));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String update(long chat, String text) {
        return """
                {"update_id": %d, "message": {"message_id": 1,
                  "from": {"id": %d, "is_bot": false, "first_name": "Ann"},
                  "chat": {"id": %d, "first_name": "Ann", "type": "private"},
                  "date": %d, "text": %s}}""".formatted(chat, chat, chat, Instant.now().getEpochSecond(), quote(text));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
