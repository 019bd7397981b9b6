package io.throughline.channel.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.InboundMessages;
import io.throughline.web.ApiException;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Events API request URL. Every request is checked against its signature and timestamp before it is read;
 * then a {@code url_verification} is answered with its challenge, and an {@code event_callback} carrying a customer
 * message is accepted. Slack waits 3 seconds before it retries, so the answer comes as soon as the message is stored.
 */
@RestController
class SlackWebhookController {

    private static final Logger log = LoggerFactory.getLogger(SlackWebhookController.class);

    private final SlackSettings settings;
    private final SlackSignature signature;
    private final InboundMessages inbound;
    private final ObjectMapper json;

    SlackWebhookController(SlackSettings settings, InboundMessages inbound, ObjectMapper json) {
        this.settings = settings;
        this.signature = new SlackSignature(settings.signingSecret(), Clock.systemUTC());
        this.inbound = inbound;
        this.json = json;
    }

    @PostMapping("/webhooks/slack")
    ResponseEntity<String> event(@RequestHeader(name = Slack.TIMESTAMP_HEADER, required = false) String timestamp,
                                 @RequestHeader(name = Slack.SIGNATURE_HEADER, required = false) String signed,
                                 @RequestHeader(name = Slack.RETRY_HEADER, required = false) String retry,
                                 @RequestBody(required = false) byte[] body) {
        if (!settings.on()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "the slack channel is off: set " + settings.missingSettings(),
                    null);
        }
        byte[] raw = body == null ? new byte[0] : body;
        signature.refusal(timestamp, signed, raw).ifPresent(reason -> {
            throw new ApiException(HttpStatus.UNAUTHORIZED, reason, Slack.SIGNATURE_HEADER);
        });
        JsonNode payload = parse(raw);
        String type = payload.path("type").asText("");
        switch (type) {
            case "url_verification" -> {
                String challenge = payload.path("challenge").asText("");
                if (challenge.isEmpty()) {
                    throw SlackEvents.malformed("challenge is required in a url_verification", "challenge");
                }
                return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
            }
            case "event_callback" -> {
                if (retry != null) {
                    log.debug("Slack delivers event {} again (retry {})", payload.path("event_id").asText(), retry);
                }
                SlackEvents.read(payload).ifPresent(inbound::accept);
            }
            case "" -> throw SlackEvents.malformed("type is required: url_verification or event_callback", "type");
            default -> log.debug("ignoring a Slack request of type {}", type);
        }
        return ResponseEntity.ok().build();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode payload = body.length == 0 ? null : json.readTree(body);
            if (payload == null || !payload.isObject()) {
                throw SlackEvents.malformed("the body must be a JSON object, as the Events API sends", null);
            }
            return payload;
        } catch (IOException e) {
            throw SlackEvents.malformed("the body is not valid JSON; the Events API sends application/json", null);
        }
    }
}
