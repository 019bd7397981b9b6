package io.throughline.cluster;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.AppProcess;
import io.throughline.support.EventStream;
import io.throughline.support.Postgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, two JVMs, one fresh PostgreSQL database: what a load balancer in front of a cluster relies on. Node A starts
 * with its job executor off, so every reply the visitors on A see in the first test was produced on node B; the rolling
 * restart brings A back with its executor on, and the last test shows both executors taking work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnPostgresTest {

    private static final String QUESTION = "How long does shipping take?";

    /** Under target/, so the nodes' logs stay for a look after a failure. */
    private final Path dir = Path.of("target", "two-nodes-" + System.currentTimeMillis());

    private Postgres.Database database;
    private AppProcess a;
    private AppProcess b;

    @BeforeAll
    void startTwoNodes() throws Exception {
        Files.createDirectories(dir);
        database = Postgres.freshDatabase();
        a = Node.start(dir, "a", database, "--camunda.bpm.job-execution.enabled=false");
        b = Node.start(dir, "b", database);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (AppProcess node : new AppProcess[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aVisitorStreamingFromNodeAGetsTheRepliesProducedOnNodeBExactlyOnce() throws Exception {
        Map<String, EventStream> streams = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String visitor = UUID.randomUUID().toString();
            EventStream stream = new EventStream(a.api().base() + "/api/webchat/" + visitor + "/events", null);
            streams.put(visitor, stream);
            awaitOpen(stream); // open on A before the visitor exists as a customer anywhere
        }
        streams.keySet().forEach(visitor ->
                assertThat(b.api().post("/api/webchat/" + visitor + "/messages", message(QUESTION, "c1")).status()).isEqualTo(202));

        for (var entry : streams.entrySet()) {
            EventStream stream = entry.getValue();
            assertThat(stream.await(e -> e.path("author").asText().equals("customer"), Duration.ofSeconds(30)))
                    .as("the visitor's own message, accepted on B, on A's stream").isNotNull();
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), Duration.ofSeconds(90)))
                    .as("the bot's reply, made by B's job executor, on A's stream").isNotNull();
        }
        Thread.sleep(2_000); // a duplicate push would have arrived by now
        for (EventStream stream : streams.values()) {
            List<String> ids = stream.events().stream().map(EventStream.Event::id).toList();
            assertThat(ids).as("every message once").hasSize(2).doesNotHaveDuplicates();
            stream.close();
        }
        assertThat(successfulJobsByNode()).as("A's executor is off").containsOnlyKeys("b");
    }

    @Test
    @Order(2)
    void nodeBStartedWithAnEmptyIndexAnswersAsNodeAAndAnUploadOnAReachesB() throws Exception {
        assertThat(searchSources(b, QUESTION)).isNotEmpty().isEqualTo(searchSources(a, QUESTION));

        String phrase = "Larkspur Zanzibar cupping evening";
        var upload = upload(a, "cupping.md", "# " + phrase + "\n\nEvery first Thursday of the month we hold a "
                + "Zanzibar cupping evening in the roastery: tickets are free and seats are limited to twelve.\n");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!searchSources(b, phrase).contains("cupping.md") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(searchSources(b, phrase)).as("B's index took A's upload from the rows").first().isEqualTo("cupping.md");
        assertThat(Files.exists(dir.resolve("knowledge-b/cupping.md"))).as("B's folder never saw the file").isFalse();
    }

    @Test
    @Order(3)
    void aRollingRestartLosesNothingAndRepliesExactlyOnce() throws Exception {
        Set<String> conversations = ConcurrentHashMap.newKeySet();
        List<String> errors = new ArrayList<>();
        AtomicReference<AppProcess[]> up = new AtomicReference<>(new AppProcess[] {b});
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produce(up, sending, conversations, errors), "rolling-restart-producer");
        producer.start();

        Thread.sleep(3_000);
        a.close();                                            // A was idle: nothing of its own in flight
        a = Node.start(dir, "a", database);                   // back, with its job executor this time
        up.set(new AppProcess[] {a, b});
        Thread.sleep(3_000);
        up.set(new AppProcess[] {a});                          // the load balancer drains B...
        b.close();                                            // ...and B stops gracefully while A takes the messages
        b = Node.start(dir, "b", database);
        up.set(new AppProcess[] {a, b});
        Thread.sleep(3_000);
        sending.set(false);
        producer.join();

        assertThat(errors).as("every message was accepted by one node or the other").isEmpty();
        assertThat(conversations).hasSizeGreaterThan(20);
        for (String conversation : conversations) {
            assertThat(awaitBotReplies(a.api(), conversation)).as("bot replies in " + conversation).isEqualTo(1);
        }
        Thread.sleep(6_000); // longer than a lock: a job run twice would have shown its second reply by now
        for (String conversation : conversations) {
            assertThat(botReplies(b.api(), conversation)).as("bot replies in " + conversation + " after a while").isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void aBurstOnNodeAIsRunByTheClusterAndVisitorsOnBSeeEveryReplyOnce() throws Exception {
        Map<String, Long> before = successfulJobsByNode();
        List<String> visitors = new ArrayList<>();
        List<EventStream> streams = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String visitor = UUID.randomUUID().toString();
            EventStream stream = new EventStream(b.api().base() + "/api/webchat/" + visitor + "/events", null);
            visitors.add(visitor);
            streams.add(stream);
            awaitOpen(stream); // the widget opens its stream when the page loads, before the visitor types
        }
        // all at once to A: a node's own jobs go to its own executor first, until it has more than it can take
        var burst = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> posts = new ArrayList<>();
        for (String visitor : visitors) {
            posts.add(burst.submit(() -> a.api().post("/api/webchat/" + visitor + "/messages", message(QUESTION, "c1")).status()));
        }
        for (var post : posts) {
            assertThat(post.get()).isEqualTo(202);
        }
        burst.shutdown();
        for (EventStream stream : streams) {
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), Duration.ofSeconds(120))).isNotNull();
        }
        Map<String, Long> after = successfulJobsByNode();
        System.out.println("successful jobs by node, before the burst of 40 on A: " + before + "; after: " + after);
        // both executors take jobs from the one database; how a burst splits depends on timing (a node is told of its
        // own new jobs at once, the other finds them at its next poll), so the split is printed, not asserted. That B
        // runs what A accepted is shown by the first test, where A has no job executor at all.
        long ran = after.values().stream().mapToLong(Long::longValue).sum()
                - before.values().stream().mapToLong(Long::longValue).sum();
        assertThat(ran).as("jobs the two nodes ran for the burst of 40").isGreaterThanOrEqualTo(40);
        Thread.sleep(2_000); // a duplicate push would have arrived by now
        for (EventStream stream : streams) {
            assertThat(stream.events().stream().map(EventStream.Event::id).toList()).hasSize(2).doesNotHaveDuplicates();
            stream.close();
        }
    }

    /** New visitors, one message each, to whichever node is up; a failed send goes to another node, same message id. */
    private static void produce(AtomicReference<AppProcess[]> up, AtomicBoolean sending, Set<String> conversations,
                                List<String> errors) {
        int n = 0;
        while (sending.get()) {
            String visitor = UUID.randomUUID().toString();
            String body = message(QUESTION, "m-" + n);
            boolean accepted = false;
            for (int attempt = 0; attempt < 40 && !accepted; attempt++) {
                AppProcess[] nodes = up.get();
                AppProcess node = nodes[(n + attempt) % nodes.length];
                try {
                    var response = node.api().post("/api/webchat/" + visitor + "/messages", body);
                    if (response.status() == 200 || response.status() == 202) {
                        conversations.add(response.json().path("conversationId").asText());
                        accepted = true;
                    }
                } catch (AssertionError connectionRefused) {
                    // the node is stopping or stopped: the load balancer would try the other one
                }
                if (!accepted) {
                    sleep(250);
                }
            }
            if (!accepted) {
                synchronized (errors) {
                    errors.add("message " + n + " was never accepted");
                }
            }
            n++;
            sleep(400);
        }
    }

    private static void awaitOpen(EventStream stream) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stream.comments().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stream.comments()).as("the stream is open").isNotEmpty();
    }

    private Map<String, Long> successfulJobsByNode() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery(
                     "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static List<String> searchSources(AppProcess node, String query) {
        var hits = node.api().getAs(DEMO, "/api/knowledge/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
        return StreamSupport.stream(hits.spliterator(), false).map(hit -> hit.path("source").asText()).toList();
    }

    private static HttpResponse<String> upload(AppProcess node, String name, String markdown) throws Exception {
        String boundary = "----throughline" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n";
        var request = HttpRequest.newBuilder(URI.create(node.api().base() + "/api/knowledge/sources"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(DEMO.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static long awaitBotReplies(Api api, String conversation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long replies = botReplies(api, conversation);
            if (replies > 0) {
                return replies;
            }
            Thread.sleep(250);
        }
        return 0;
    }

    static long botReplies(Api api, String conversation) {
        var transcript = api.getAs(DEMO, "/api/conversations/" + conversation).json().path("messages");
        long count = 0;
        for (var message : transcript) {
            if (message.path("author").asText().equals("bot") && message.path("deliveryStatus").asText().equals("SENT")) {
                count++;
            }
        }
        return count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
