package io.throughline.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.conversation.InboundMessage;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads a Telegram {@code Update} into the customer message it carries. Only a new message in a private chat with the
 * bot is one: edits ({@code edited_message}) of a message the journey has already read would ask the same question
 * twice; group, supergroup and channel chats are not one customer talking to the business; other updates (callback
 * queries, member changes...) carry no message; and {@code /start}, which Telegram sends when someone opens the chat
 * with the bot, is no question (answering it would find nothing and call a person). Those are answered 200 and dropped
 * with a log line, so Telegram does not deliver them again.
 */
final class TelegramUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    /** What Telegram sends when someone opens the chat, perhaps from a deep link with a payload. */
    private static final Pattern START = Pattern.compile("/start(@\\w+)?(\\s.*)?", Pattern.DOTALL);
    /** Non-text content, checked in this order (an animation also carries a document, a venue a location). */
    private static final List<String> CONTENT = List.of("photo", "video", "animation", "document", "sticker", "voice",
            "video_note", "audio", "venue", "location", "contact", "poll", "dice");

    private TelegramUpdates() {
    }

    static Optional<InboundMessage> read(JsonNode update) {
        long updateId = requireLong(update, "update_id", "update_id");
        JsonNode message = update.get("message");
        if (message == null || message.isNull()) {
            if (update.has("edited_message")) {
                log.info("ignoring Telegram update {}: an edit of a message already received", updateId);
            } else {
                log.debug("ignoring Telegram update {}: it carries no new message ({})", updateId,
                        fieldNames(update));
            }
            return Optional.empty();
        }
        if (!message.isObject()) {
            throw malformed("message must be an object", "message");
        }
        long messageId = requireLong(message, "message_id", "message.message_id");
        JsonNode chat = message.path("chat");
        long chatId = requireLong(chat, "id", "message.chat.id");
        String chatType = chat.path("type").asText("");
        if (!"private".equals(chatType)) {
            log.info("ignoring Telegram update {}: a message in a {} chat; the bot answers private chats only",
                    updateId, chatType.isEmpty() ? "untyped" : chatType);
            return Optional.empty();
        }
        JsonNode from = message.path("from");
        if (from.path("is_bot").asBoolean(false)) {
            log.info("ignoring Telegram update {}: sent by a bot", updateId);
            return Optional.empty();
        }
        Optional<String> text = text(message);
        if (text.isEmpty()) {
            log.info("ignoring Telegram update {}: a message with no text or content we know ({})", updateId,
                    fieldNames(message));
            return Optional.empty();
        }
        if (START.matcher(text.get()).matches()) {
            log.info("ignoring Telegram update {}: /start, the chat was opened; the customer's question comes next",
                    updateId);
            return Optional.empty();
        }
        // message ids count per chat, so the chat makes the key unique; a redelivered update repeats both
        String providerMessageId = chatId + ":" + messageId;
        return Optional.of(new InboundMessage(Telegram.CHANNEL, providerMessageId,
                new Identity(IdentityType.TELEGRAM, Long.toString(chatId)), name(from), text.get()));
    }

    /** The text, or for a photo, sticker, voice note... a placeholder with its caption, so nothing sent is lost. */
    private static Optional<String> text(JsonNode message) {
        String text = message.path("text").asText("");
        if (!text.isBlank()) {
            return Optional.of(text.strip());
        }
        String caption = message.path("caption").asText("").strip();
        return CONTENT.stream().filter(message::has).findFirst()
                .map(kind -> "[" + kind.replace('_', ' ') + "]" + (caption.isEmpty() ? "" : " " + caption));
    }

    private static String name(JsonNode from) {
        String full = Stream.of(from.path("first_name").asText(""), from.path("last_name").asText(""))
                .map(String::strip).filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        if (!full.isEmpty()) {
            return full;
        }
        String username = from.path("username").asText("").strip();
        return username.isEmpty() ? null : username;
    }

    private static long requireLong(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw malformed(field + " is required and must be an integer, as in Telegram's Update object", field);
        }
        return value.asLong();
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static ApiException malformed(String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field);
    }
}
