package io.throughline.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Reads a web-chat event stream the way a browser's EventSource does, and keeps what it saw. */
public final class EventStream implements AutoCloseable {

    /** One server-sent event: its name, id, JSON data, and the comment lines seen before it. */
    public record Event(String name, String id, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile HttpResponse<java.io.InputStream> response;
    private volatile int status;
    private volatile String contentType;

    public EventStream(String url, String lastEventId) {
        reader = new Thread(() -> read(url, lastEventId), "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(String url, String lastEventId) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String name = null, id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, id, JSON.readTree(data.toString())));
                    name = null;
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (Exception closed) {
            // the test closed the stream, or the server went away: what was read stays readable
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** Waits up to the timeout for an event matching the predicate; returns it, or null. */
    public Event await(Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                if (matching.test(event.data())) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        if (response != null) {
            response.body().close();
        }
        reader.interrupt();
    }
}
