package io.throughline.faults;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.AppProcess;
import io.throughline.support.Postgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with -9 right after accepting messages, some of whose journeys are mid-job: after a restart on the
 * same database every accepted message gets its reply, and exactly one. The lock time is shortened here so the
 * restarted node may take over the dead node's locked jobs within seconds rather than the production minute.
 */
class KillNineTest {

    private static final int CONVERSATIONS = 12;

    @TempDir
    Path dir;

    @Test
    void onH2EveryAcceptedMessageIsRepliedToExactlyOnceAfterAKillNine() throws Exception {
        killAndRestart("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
    }

    @Test
    void onPostgresEveryAcceptedMessageIsRepliedToExactlyOnceAfterAKillNine() throws Exception {
        var database = Postgres.freshDatabase();
        killAndRestart("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password());
    }

    private void killAndRestart(String... database) throws Exception {
        String shortLocks = "--camunda.bpm.job-execution.lock-time-in-millis=5000";
        List<String> conversations = new ArrayList<>();

        try (AppProcess first = AppProcess.start(dir, "first", settings(database, shortLocks))) {
            Api api = first.api();
            for (int i = 0; i < CONVERSATIONS; i++) {
                var accepted = api.post("/api/webchat/" + UUID.randomUUID() + "/messages",
                        message("How long does shipping take?", "m-" + i));
                assertThat(accepted.status()).isEqualTo(202);
                conversations.add(accepted.json().path("conversationId").asText());
            }
            first.kill9();
        }

        try (AppProcess second = AppProcess.start(dir, "second", settings(database, shortLocks))) {
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

    private static String[] settings(String[] database, String shortLocks) {
        var all = new ArrayList<>(List.of(database));
        all.add(shortLocks);
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
