package io.throughline.answer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server that speaks the OpenAI chat-completions API: {@code POST /v1/chat/completions} answers with a
 * real-shaped {@code chat.completion}, whose content a test scripts from the request (e.g. to cite the passage number the
 * prompt gave a section). It keeps every request it received.
 */
final class FakeOpenAi implements AutoCloseable {

    record Request(JsonNode body, String authorization) {

        String message(String role) {
            for (JsonNode message : body.get("messages")) {
                if (role.equals(message.get("role").asText())) {
                    return message.get("content").asText();
                }
            }
            throw new AssertionError("no " + role + " message in " + body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> reply = prompt -> "";
    private volatile Duration delay = Duration.ZERO;

    FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The model's reply, written from the prompt's user message. */
    FakeOpenAi replies(UnaryOperator<String> reply) {
        this.reply = reply;
        return this;
    }

    FakeOpenAi answersAfter(Duration delay) {
        this.delay = delay;
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    /** The number the prompt gave the passage under this section heading. */
    static int numberOf(String prompt, String section) {
        Matcher matcher = Pattern.compile("\\[(\\d+)] [^\\n]* - " + Pattern.quote(section) + "\\n").matcher(prompt);
        if (!matcher.find()) {
            throw new AssertionError("the prompt has no passage under " + section + ":\n" + prompt);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Request request = new Request(body, exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Thread.sleep(delay.toMillis());
            byte[] response = JSON.writeValueAsBytes(Map.of(
                    "id", "chatcmpl-" + requests.size(),
                    "object", "chat.completion",
                    "created", 1_764_000_000L,
                    "model", body.get("model").asText(),
                    "choices", List.of(Map.of(
                            "index", 0,
                            "message", Map.of("role", "assistant", "content", reply.apply(request.message("user"))),
                            "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", 412, "completion_tokens", 23, "total_tokens", 435)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
