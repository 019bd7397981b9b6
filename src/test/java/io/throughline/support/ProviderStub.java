package io.throughline.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local HTTP server standing in for providers' send APIs (WhatsApp's Graph API, Telegram's Bot API, Twilio, Slack).
 * It keeps every request with its raw body and headers, and answers each path with a scripted response: a test tells
 * it what the real API would say (a message id, a 500 twice, ...). Unscripted paths answer 200 {@code {}}.
 */
public final class ProviderStub implements AutoCloseable {

    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body, Instant at) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header by name, case-insensitively. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public record Response(int status, String contentType, String body) {

        public static Response json(int status, String body) {
            return new Response(status, "application/json", body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Response>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Response>> handlers = new ConcurrentHashMap<>();

    public ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a local port for the provider stub", e);
        }
        server.createContext("/", this::handle);
        // daemon threads: the stub lives as long as the test JVM and must not keep it from exiting
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "provider-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to this exact path with the function's response, until replaced. */
    public ProviderStub answer(String path, Function<Request, Response> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Queues one-off responses for the path, used before its handler: for example two 500s, then the handler. */
    public ProviderStub thenOnce(String path, Response... responses) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    public List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    public List<Request> requestsTo(String path) {
        return requests(r -> r.path().equals(path));
    }

    /** Waits until at least {@code count} requests reached the path, and returns them. */
    public List<Request> await(String path, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            List<Request> seen = requestsTo(path);
            if (seen.size() >= count) {
                return seen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " request(s) to " + path + " within " + patience + "; got "
                + requestsTo(path).size() + " (all requests: " + requests.stream().map(Request::path).toList() + ")");
    }

    public void reset() {
        requests.clear();
        scripted.clear();
        handlers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes(), Instant.now());
        requests.add(request);
        Deque<Response> once = scripted.get(request.path());
        Response response = once != null && !once.isEmpty() ? once.poll()
                : handlers.getOrDefault(request.path(), r -> Response.json(200, "{}")).apply(request);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Requests in arrival order, for a failure message. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        requests.forEach(r -> lines.add(r.method() + " " + r.path() + " " + r.bodyText()));
        return String.join("\n", lines);
    }
}
