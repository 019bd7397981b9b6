package io.throughline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * K web-chat visitors talking to a running app through its public contract only: each keeps its event stream open,
 * posts a question, and posts the next one once the bot's reply to the previous one arrived on the stream.
 */
final class AppLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final int concurrency;
    private final List<String> questions;
    private final Duration replyTimeout;
    private final HttpClient http;

    AppLoad(String baseUrl, int concurrency, List<String> questions, Duration replyTimeout) {
        this(List.of(baseUrl), concurrency, questions, replyTimeout);
    }

    /**
     * Against several nodes of one cluster: visitor k streams from node k and posts to node k+1 (modulo their number),
     * so with two or more nodes every message and reply crosses from one node to another, as behind a load balancer
     * without sticky sessions.
     */
    AppLoad(List<String> baseUrls, int concurrency, List<String> questions, Duration replyTimeout) {
        this.baseUrls = baseUrls.stream().map(url -> url.replaceAll("/+$", "")).toList();
        this.concurrency = concurrency;
        this.questions = questions;
        this.replyTimeout = replyTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends {@code messages} messages from K fresh visitors and waits for every reply (or its timeout). */
    Result run(String label, int messages) throws Exception {
        Result result = new Result(label, concurrency);
        AtomicInteger tickets = new AtomicInteger(messages);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Visitor> visitors = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                visitors.add(new Visitor(i));
            }
            for (Visitor visitor : visitors) {
                visitor.stream.awaitOpen(Duration.ofSeconds(30));
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Visitor visitor : visitors) {
                running.add(pool.submit(() -> visitor.chat(tickets, result)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            result.wallNanos = System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            visitors.forEach(visitor -> visitor.stream.close());
        }
        return result;
    }

    /** One chat window: a visitor id, its stream, and the question it asks next. */
    private final class Visitor {

        private final int number;
        private String visitorId;
        private VisitorStream stream;
        private int asked;

        Visitor(int number) {
            this.number = number;
            open();
        }

        private void open() {
            visitorId = UUID.randomUUID().toString();
            stream = new VisitorStream(http, baseUrls.get(number % baseUrls.size()), visitorId);
        }

        /** A fresh visitor in this window, for when the old conversation went to a person or got stuck. */
        private void replace() throws InterruptedException {
            stream.close();
            open();
            stream.awaitOpen(Duration.ofSeconds(30));
        }

        void chat(AtomicInteger tickets, Result result) {
            try {
                while (tickets.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
                    if (!ask(result)) {
                        replace();
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }

        /** One question and its reply; false when this visitor should not go on (no reply, or not a cited answer). */
        private boolean ask(Result result) throws InterruptedException {
            String question = questions.get((number * 7 + asked++) % questions.size());
            String body;
            try {
                body = JSON.writeValueAsString(Map.of("text", question, "clientMessageId", UUID.randomUUID().toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrls.get((number + 1) % baseUrls.size()) + "/api/webchat/" + visitorId + "/messages"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            result.sent.incrementAndGet();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    result.error("POST -> " + response.statusCode());
                    return false;
                }
                result.accept.record(start);
                result.accepted.incrementAndGet();
            } catch (java.io.IOException e) {
                result.error("POST failed: " + e.getClass().getSimpleName());
                return false;
            }
            VisitorStream.Reply reply = stream.nextReply(replyTimeout);
            if (reply == null) {
                result.error("no reply within " + replyTimeout.toSeconds() + " s");
                return false;
            }
            result.roundTrip.record(start, reply.receivedNanos());
            result.completed.incrementAndGet();
            if (!"bot".equals(reply.author()) || !reply.cited()) {
                // asked for details or handed to a person: the next message would go to an agent, so start afresh
                result.error("reply was not a cited bot answer (" + reply.author() + "): \"" + question + "\"");
                return false;
            }
            return true;
        }
    }
}
