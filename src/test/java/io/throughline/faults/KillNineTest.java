package io.throughline.faults;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.AppProcess;
import io.throughline.support.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with -9 right after accepting messages, many of whose journeys are mid-job: after a restart on the
 * same database every accepted message gets its reply, and exactly one. The lock time is shortened here so the
 * restarted node may take over the dead node's locked jobs within seconds rather than the production minute.
 */
class KillNineTest {

    private static final int CONVERSATIONS_ON_H2 = 12;
    /** Issue 8's figure: a thousand messages in flight when the node dies. */
    private static final int MESSAGES_IN_FLIGHT = 1_000;
    private static final String SHORT_LOCKS = "--camunda.bpm.job-execution.lock-time-in-millis=5000";

    @TempDir
    Path dir;

    @Test
    void onH2EveryAcceptedMessageIsRepliedToExactlyOnceAfterAKillNine() throws Exception {
        String[] database = {"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0"};
        List<String> conversations = new ArrayList<>();

        try (AppProcess first = AppProcess.start(dir, "first", settings(database))) {
            Api api = first.api();
            for (int i = 0; i < CONVERSATIONS_ON_H2; i++) {
                var accepted = api.post("/api/webchat/" + UUID.randomUUID() + "/messages",
                        message("How long does shipping take?", "m-" + i));
                assertThat(accepted.status()).isEqualTo(202);
                conversations.add(accepted.json().path("conversationId").asText());
            }
            first.kill9();
        }

        try (AppProcess second = AppProcess.start(dir, "second", settings(database))) {
            Api api = second.api();
            for (String conversation : conversations) {
                assertThat(awaitBotReplies(api, conversation)).as("bot replies in conversation " + conversation).isEqualTo(1);
            }
            Thread.sleep(6_000); // longer than a lock: a job run twice would have shown its second reply by now
            for (String conversation : conversations) {
                assertThat(botReplies(api, conversation)).as("bot replies in " + conversation + " after a while").isEqualTo(1);
            }
        }
    }

    /**
     * Visitors write, sixteen at a time, to a node whose job executor has one thread (a node busier than it can keep up
     * with), until a thousand accepted messages wait for their reply; then the node is killed, with requests in
     * progress and journeys mid-job. After the restart every stored message gets exactly one reply. Counts are printed.
     */
    @Test
    void onPostgresAThousandMessagesInFlightAreAllRepliedToExactlyOnceAfterAKillNine() throws Exception {
        var database = Postgres.freshDatabase();
        String[] connection = {"--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password()};
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, Long> atKill;

        try (AppProcess first = AppProcess.start(dir, "first", settings(connection,
                "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1"))) {
            Api api = first.api();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger numbers = new AtomicInteger();
            ExecutorService visitors = Executors.newFixedThreadPool(16);
            for (int i = 0; i < 16; i++) {
                visitors.execute(() -> {
                    while (sending.get()) {
                        try {
                            var response = api.post("/api/webchat/" + UUID.randomUUID() + "/messages",
                                    message("How long does shipping take?", "m-" + numbers.incrementAndGet()));
                            if (response.status() == 202) {
                                accepted.add(response.json().path("conversationId").asText());
                            }
                        } catch (AssertionError killed) {
                            return; // the node died under this request
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (accepted.size() - counts(database).get("replied") < MESSAGES_IN_FLIGHT && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            first.kill9();
            sending.set(false);
            visitors.shutdown();
            assertThat(visitors.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            atKill = counts(database);
        }
        long inFlight = atKill.get("conversations") - atKill.get("replied");
        assertThat(inFlight).as("accepted messages without a reply at the kill").isGreaterThanOrEqualTo(MESSAGES_IN_FLIGHT);

        long restarted = System.nanoTime();
        try (AppProcess second = AppProcess.start(dir, "second", settings(connection))) {
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (counts(database).get("replied") < atKill.get("conversations") && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            long drained = (System.nanoTime() - restarted) / 1_000_000_000;
            Thread.sleep(6_000); // longer than a lock: a job run twice would have shown its second reply by now
            Map<String, Long> after = counts(database);
            System.out.printf("%nKillNineTest on PostgreSQL: %d messages stored (%d answered 202 before the kill); at the "
                            + "kill %d replied, %d in flight; after the restart (%d s to start and drain): %d replied, "
                            + "%d lost, %d replied twice%n%n",
                    atKill.get("conversations"), accepted.size(), atKill.get("replied"), inFlight, drained,
                    after.get("replied"), after.get("conversations") - after.get("replied"), after.get("twice"));
            assertThat(after.get("conversations")).as("no message vanished").isEqualTo(atKill.get("conversations"));
            assertThat(after.get("conversations")).as("every 202 is stored").isGreaterThanOrEqualTo(accepted.size());
            assertThat(after.get("replied")).as("conversations with a bot reply").isEqualTo(after.get("conversations"));
            assertThat(after.get("twice")).as("conversations replied to more than once").isZero();
        }
    }

    /** Conversations with at least one sent bot reply, with more than one, and with a customer message (one each). */
    private static Map<String, Long> counts(Postgres.Database database) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = connection.createStatement()) {
            var replies = statement.executeQuery("""
                    select count(*), count(*) filter (where n > 1) from (
                      select conversation_id, count(*) as n from messages
                      where author = 'bot' and direction = 'OUT' and delivery_status = 'SENT' group by conversation_id) r""");
            replies.next();
            counts.put("replied", replies.getLong(1));
            counts.put("twice", replies.getLong(2));
            var inbound = statement.executeQuery("select count(distinct conversation_id) from messages where direction = 'IN'");
            inbound.next();
            counts.put("conversations", inbound.getLong(1));
        }
        return counts;
    }

    private static String[] settings(String[] database, String... extra) {
        var all = new ArrayList<>(List.of(database));
        all.addAll(List.of(extra));
        all.add(SHORT_LOCKS);
        all.add("--throughline.demo-user=true");
        return all.toArray(String[]::new);
    }

    private static long awaitBotReplies(Api api, String conversation) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            long replies = botReplies(api, conversation);
            if (replies > 0) {
                return replies;
            }
            Thread.sleep(250);
        }
        return 0;
    }

    private static long botReplies(Api api, String conversation) {
        var transcript = api.getAs(DEMO, "/api/conversations/" + conversation).json().path("messages");
        long count = 0;
        for (var message : transcript) {
            if (message.path("author").asText().equals("bot") && message.path("deliveryStatus").asText().equals("SENT")) {
                count++;
            }
        }
        return count;
    }
}
