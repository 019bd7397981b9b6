package io.throughline.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Talks to a running Throughline over HTTP, the way an outside client does. */
public final class Api {

    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEMO = "demo:demo";

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ThreadLocal<java.net.http.HttpHeaders> lastHeaders = new ThreadLocal<>();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postAs(String login, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", basic(login)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response getAs(String login, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(login)).GET());
    }

    public Response putAs(String login, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", basic(login)).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Any call: {@code body} (JSON, or null for none) and headers as name, value pairs. The response keeps its headers
     * in {@link #lastHeaders()}.
     */
    public Response call(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The headers of the last response this client received (the thread's). */
    public java.net.http.HttpHeaders lastHeaders() {
        return lastHeaders.get();
    }

    /** A JSON string literal, quotes and escapes included. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String message(String text, String clientMessageId) {
        return "{\"text\":" + quote(text) + ",\"clientMessageId\":" + quote(clientMessageId) + "}";
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastHeaders.set(response.headers());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }
}
