package io.throughline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One visitor's open {@code GET /api/webchat/{visitorId}/events} stream, read the way a browser's EventSource does.
 * Every {@code event: message} whose author is not the customer (the visitor's own messages echo on the stream) is
 * handed to {@link #nextReply}, stamped with the time it was read.
 */
final class VisitorStream implements AutoCloseable {

    /** A message from the bot (or an agent, or the system), and when the stream delivered it. */
    record Reply(JsonNode data, long receivedNanos) {
        String author() {
            return data.path("author").asText();
        }

        boolean cited() {
            return data.path("citations").size() > 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final CountDownLatch open = new CountDownLatch(1);
    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;
    private volatile Exception failure;

    VisitorStream(HttpClient http, String baseUrl, String visitorId) {
        reader = new Thread(() -> read(http, baseUrl + "/api/webchat/" + visitorId + "/events"), "sse-" + visitorId);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the server has answered with the stream (its first line, the "stream open" comment). */
    void awaitOpen(Duration patience) throws InterruptedException {
        if (!open.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the event stream did not open within " + patience
                    + (failure == null ? "" : ": " + failure));
        }
        if (failure != null) {
            throw new IllegalStateException("the event stream failed: " + failure, failure);
        }
    }

    /** The next non-customer message on the stream, or null after the timeout. */
    Reply nextReply(Duration timeout) throws InterruptedException {
        return replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read(HttpClient http, String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + response.statusCode());
            }
            var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                open.countDown();
                if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    long now = System.nanoTime();
                    JsonNode json = JSON.readTree(data.toString());
                    if ("message".equals(event) && !"customer".equals(json.path("author").asText())) {
                        replies.add(new Reply(json, now));
                    }
                    event = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e;
            }
        } finally {
            open.countDown();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception ignored) {
            // closing a stream the server may already have closed
        }
        reader.interrupt();
    }
}
