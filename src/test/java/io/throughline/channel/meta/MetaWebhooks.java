package io.throughline.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Posts webhooks the way Meta does (raw JSON bytes, X-Hub-Signature-256) and waits for what the app sends back. */
public final class MetaWebhooks {

    public static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MetaWebhooks() {
    }

    /** POSTs the body signed with the secret. */
    public static Api.Response postSigned(String url, String appSecret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(url, bytes, HubSignature.of(appSecret, bytes));
    }

    /** POSTs the body with the given X-Hub-Signature-256 header, or none when it is null. */
    public static Api.Response post(String url, byte[] body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(HubSignature.HEADER, signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the stub saw at least {@code count} requests that match, and returns them. */
    public static List<ProviderStub.Request> await(ProviderStub stub, Predicate<ProviderStub.Request> which, int count,
                                                   String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<ProviderStub.Request> seen = stub.requests(which);
            if (seen.size() >= count) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " request(s): " + what + " within " + PATIENCE + "; got "
                + stub.requests(which).size() + ". All requests:\n" + stub);
    }

    /** Waits until the condition holds. */
    public static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + PATIENCE + " waiting until " + what);
    }

    public static JsonNode json(ProviderStub.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + request.bodyText(), e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
