package io.throughline.channel.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.SendRefused;
import io.throughline.customer.IdentityType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends replies with {@code chat.postMessage}, in the thread of the customer's message. Slack answers a refused call
 * with 200 and {@code "ok": false}, so the body decides, not the status.
 */
@Component
class SlackSender implements ChannelSender {

    /**
     * Slack's {@code ok:false} errors that can pass (rate limits, trouble on Slack's side). Every other one (a channel
     * not found, a revoked token, a message too long) stays so, and the reply fails at once.
     */
    private static final java.util.Set<String> RETRYABLE_ERRORS = java.util.Set.of("ratelimited", "rate_limited",
            "service_unavailable", "fatal_error", "internal_error", "request_timeout");

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private final SlackSettings settings;
    private final ObjectMapper json;
    private final RestClient rest;

    SlackSender(SlackSettings settings, ObjectMapper json, RestClient.Builder rest) {
        this.settings = settings;
        this.json = json;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.rest = rest.requestFactory(requests).build();
    }

    @Override
    public String channel() {
        return Slack.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        if (!settings.on()) {
            throw new ChannelNotConfiguredException(Slack.CHANNEL, settings.missingSettings());
        }
        if (delivery.recipient().type() != IdentityType.SLACK) {
            throw new IllegalArgumentException("a Slack message needs a slack recipient, not "
                    + delivery.recipient().type().key());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel(delivery));
        body.put("text", Slack.text(delivery.text(), delivery.citations()));
        String thread = delivery.replyContext().get("thread_ts");
        if (thread != null && !thread.isBlank()) {
            body.put("thread_ts", thread);
        }
        JsonNode answer = post(body);
        if (!answer.path("ok").asBoolean(false)) {
            String error = answer.path("error").asText("no error given");
            String refusal = "Slack refused the message " + delivery.messageId() + ": " + error;
            throw RETRYABLE_ERRORS.contains(error) ? new IllegalStateException(refusal) : new SendRefused(refusal);
        }
        String channel = answer.path("channel").asText(body.get("channel").toString());
        String ts = answer.path("ts").asText("");
        if (ts.isEmpty()) {
            throw new IllegalStateException("Slack's answer to chat.postMessage has no ts");
        }
        log.info("sent slack message {} as {} in {}", delivery.messageId(), ts, channel);
        // a ts names a message within its channel only
        return channel + ":" + ts;
    }

    /**
     * The conversation of the customer's message; without one (a message outside any conversation), the user id,
     * which chat.postMessage takes for the user's direct messages with the app.
     */
    private static String channel(OutboundDelivery delivery) {
        String channel = delivery.replyContext().get("channel");
        if (channel != null && !channel.isBlank()) {
            return channel;
        }
        String value = delivery.recipient().value();
        return value.substring(value.indexOf(':') + 1);
    }

    private JsonNode post(Map<String, Object> body) {
        try {
            return rest.post()
                    .uri(settings.apiBaseUrl() + "/api/chat.postMessage")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.botToken())
                    .contentType(JSON_UTF8)
                    .body(body)
                    .exchange((request, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            String refusal = "Slack answered chat.postMessage with HTTP "
                                    + response.getStatusCode().value() + ": " + read(bytes).path("error").asText(
                                    new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8));
                            throw SendRefused.isPermanent(response.getStatusCode().value()) ? new SendRefused(refusal)
                                    : new IllegalStateException(refusal);
                        }
                        return read(bytes);
                    });
        } catch (RestClientException e) {
            throw new IllegalStateException("chat.postMessage to Slack failed: " + e.getMessage(), e);
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }
}
