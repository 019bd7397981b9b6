package io.throughline.channel.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.throughline.channel.meta.GraphApi;
import java.util.Map;

/**
 * The Messenger Platform's Send API, for Messenger and Instagram alike: {@code POST /{version}/me/messages
 * ?access_token={page-access-token}} with {@code {"recipient":{"id"},"messaging_type","message":{"text"}}} (and a
 * {@code tag} with {@code MESSAGE_TAG}); it answers {@code {"recipient_id","message_id"}}.
 */
class SendApi {

    private final MessengerSettings settings;
    private final ObjectMapper json;
    private final GraphApi api;

    SendApi(MessengerSettings settings, GraphApi api, ObjectMapper json) {
        this.settings = settings;
        this.api = api;
        this.json = json;
    }

    /** Sends a text and returns Meta's message id (mid), or null when the answer names none. */
    String sendText(String recipientId, String text, String messagingType, String tag) {
        ObjectNode request = json.createObjectNode();
        request.putObject("recipient").put("id", recipientId);
        request.put("messaging_type", messagingType);
        if (tag != null) {
            request.put("tag", tag);
        }
        request.putObject("message").put("text", text);
        JsonNode answer = api.post("/{version}/me/messages?access_token={token}",
                Map.of("version", settings.apiVersion(), "token", settings.pageAccessToken()), headers -> { }, request);
        return answer.path("message_id").asText(null);
    }
}
