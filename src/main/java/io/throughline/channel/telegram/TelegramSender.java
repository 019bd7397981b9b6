package io.throughline.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.SendRefused;
import io.throughline.customer.IdentityType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends replies with the Bot API's {@code sendMessage}. The bot token is part of the URL, so no error from here carries
 * the URL or an exception that names it: the message of a failed send ends up in the log and in Cockpit.
 */
@Component
class TelegramSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramSettings settings;
    private final ObjectMapper json;
    private final RestClient rest;

    TelegramSender(TelegramSettings settings, ObjectMapper json, RestClient.Builder rest) {
        this.settings = settings;
        this.json = json;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.rest = rest.requestFactory(requests).build();
    }

    @Override
    public String channel() {
        return Telegram.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        if (!settings.on()) {
            throw new ChannelNotConfiguredException(Telegram.CHANNEL, settings.missingSettings());
        }
        if (delivery.recipient().type() != IdentityType.TELEGRAM) {
            throw new IllegalArgumentException("a Telegram message needs a telegram recipient, not "
                    + delivery.recipient().type().key());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId(delivery.recipient().value()));
        body.put("text", Telegram.text(delivery.text(), delivery.citations()));
        JsonNode answer = post(body);
        if (!answer.path("ok").asBoolean(false)) {
            String refusal = "Telegram refused the message " + delivery.messageId() + ": "
                    + answer.path("description").asText("no description") + " (error_code "
                    + answer.path("error_code").asText("none") + ")";
            // a blocked bot or an unknown chat stays so: only a 429 or a hiccup on Telegram's side is worth another try
            throw SendRefused.isPermanent(answer.path("error_code").asInt(0)) ? new SendRefused(refusal)
                    : new IllegalStateException(refusal);
        }
        JsonNode messageId = answer.path("result").path("message_id");
        if (!messageId.isIntegralNumber()) {
            throw new IllegalStateException("Telegram's answer to sendMessage has no result.message_id");
        }
        log.info("sent telegram message {} as Telegram message {}", delivery.messageId(), messageId.asLong());
        // message ids count per chat: with the chat they name one message, as delivery reports and dedupe need
        return delivery.recipient().value() + ":" + messageId.asLong();
    }

    /** Posts and reads the answer whatever its status: Telegram explains failures in the JSON body. */
    private JsonNode post(Map<String, Object> body) {
        try {
            return rest.post()
                    .uri(settings.apiBaseUrl() + "/bot{token}/sendMessage", settings.botToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        JsonNode answer = read(bytes);
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            String refusal = "Telegram answered sendMessage with HTTP "
                                    + response.getStatusCode().value() + ": "
                                    + answer.path("description").asText("no description");
                            throw SendRefused.isPermanent(response.getStatusCode().value()) ? new SendRefused(refusal)
                                    : new IllegalStateException(refusal);
                        }
                        return answer;
                    });
        } catch (RestClientException e) {
            // its message names the URL, and with it the bot token
            throw new IllegalStateException("sendMessage to Telegram failed: " + redact(e.getMessage()));
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private String redact(String text) {
        return text == null ? "" : text.replace(settings.botToken(), "<bot-token>");
    }

    private static Object chatId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notNumeric) {
            return value; // Telegram also takes a @username for channels
        }
    }
}
