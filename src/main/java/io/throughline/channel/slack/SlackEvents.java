package io.throughline.channel.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.conversation.InboundMessage;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads an {@code event_callback} into the customer message it carries. Customer messages are direct messages to the
 * app ({@code message} with {@code channel_type: im}) and mentions of it in a channel ({@code app_mention}). Nothing a
 * bot posted is one, the app's own replies included, which come back as events: a {@code bot_id}, or any subtype but
 * a file share (edits, deletions, joins...), means it is dropped. So are channel messages that do not mention the app.
 * <p>
 * The customer is {@code slack:<team_id>:<user>}: Slack user ids are only unique within a workspace. The dedupe key is
 * {@code <channel>:<ts>}, which names one message: Slack's retries of an event repeat it, and so does the second event
 * of a message that is both a direct message and a mention.
 */
final class SlackEvents {

    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>)+\\s*");

    private SlackEvents() {
    }

    static Optional<InboundMessage> read(JsonNode envelope) {
        JsonNode event = envelope.get("event");
        if (event == null || !event.isObject()) {
            throw malformed("event is required in an event_callback: the object Slack wraps", "event");
        }
        String eventId = envelope.path("event_id").asText("without id");
        String type = event.path("type").asText("");
        boolean mention = "app_mention".equals(type);
        if (!mention && !"message".equals(type)) {
            log.debug("ignoring Slack event {}: type {} is not a message", eventId, type);
            return Optional.empty();
        }
        String subtype = event.path("subtype").asText("");
        if (event.hasNonNull("bot_id") || "bot_message".equals(subtype)) {
            log.info("ignoring Slack event {}: posted by a bot (the app's own replies come back this way)", eventId);
            return Optional.empty();
        }
        if (!subtype.isEmpty() && !"file_share".equals(subtype)) {
            log.info("ignoring Slack event {}: a {} message, not something a customer wrote", eventId, subtype);
            return Optional.empty();
        }
        if (!mention && !"im".equals(event.path("channel_type").asText(""))) {
            log.debug("ignoring Slack event {}: a channel message that does not mention the app", eventId);
            return Optional.empty();
        }
        String user = require(event, "user", "event.user");
        String channel = require(event, "channel", "event.channel");
        String ts = require(event, "ts", "event.ts");
        String team = envelope.path("team_id").asText(event.path("team").asText(""));
        if (team.isBlank()) {
            throw malformed("team_id is required: the workspace the user belongs to", "team_id");
        }
        String text = text(event, mention);
        if (text.isEmpty()) {
            log.info("ignoring Slack event {}: nothing in it but a mention of the app", eventId);
            return Optional.empty();
        }
        String thread = event.path("thread_ts").asText("");
        Map<String, String> replyContext = Map.of("channel", channel, "thread_ts", thread.isEmpty() ? ts : thread);
        return Optional.of(new InboundMessage(Slack.CHANNEL, channel + ":" + ts,
                new Identity(IdentityType.SLACK, team + ":" + user), name(event), text, replyContext));
    }

    /** What the customer wrote, the app's mention taken off the front, and a placeholder for each file they shared. */
    private static String text(JsonNode event, boolean mention) {
        String raw = event.path("text").asText("");
        if (mention) {
            raw = LEADING_MENTIONS.matcher(raw).replaceFirst("");
        }
        List<String> parts = new ArrayList<>();
        if (!raw.isBlank()) {
            parts.add(Slack.unescape(raw.strip()));
        }
        event.path("files").forEach(file -> {
            String name = file.path("name").asText(file.path("title").asText("")).strip();
            parts.add(name.isEmpty() ? "[file]" : "[file: " + name + "]");
        });
        return String.join(" ", parts);
    }

    private static String name(JsonNode event) {
        JsonNode profile = event.path("user_profile");
        for (String field : List.of("real_name", "display_name", "name")) {
            String name = profile.path(field).asText("").strip();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    private static String require(JsonNode event, String name, String field) {
        String value = event.path(name).asText("");
        if (value.isBlank()) {
            throw malformed(field + " is required in a message event", field);
        }
        return value;
    }

    static ApiException malformed(String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field);
    }
}
