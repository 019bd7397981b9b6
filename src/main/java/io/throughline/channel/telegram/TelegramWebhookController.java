package io.throughline.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.Signatures;
import io.throughline.conversation.InboundMessages;
import io.throughline.web.ApiException;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook. Telegram does not sign updates; it sends back the secret token given to setWebhook, which is
 * compared in constant time before anything is read. The answer is an empty 200: a body could be taken for a Bot API
 * call, and anything but 2xx makes Telegram deliver the update again.
 */
@RestController
class TelegramWebhookController {

    private final TelegramSettings settings;
    private final InboundMessages inbound;
    private final ObjectMapper json;

    TelegramWebhookController(TelegramSettings settings, InboundMessages inbound, ObjectMapper json) {
        this.settings = settings;
        this.inbound = inbound;
        this.json = json;
    }

    @PostMapping("/webhooks/telegram")
    ResponseEntity<Void> update(@RequestHeader(name = Telegram.SECRET_HEADER, required = false) String secretToken,
                                @RequestBody(required = false) byte[] body) {
        if (!settings.on()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "the telegram channel is off: set "
                    + settings.missingSettings(), null);
        }
        if (!Signatures.same(settings.secretToken(), secretToken)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "missing or wrong " + Telegram.SECRET_HEADER
                    + ": it must equal the secret_token given to setWebhook (setting "
                    + "throughline.channels.telegram.secret-token)", Telegram.SECRET_HEADER);
        }
        TelegramUpdates.read(parse(body)).ifPresent(inbound::accept);
        return ResponseEntity.ok().build();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode update = body == null || body.length == 0 ? null : json.readTree(body);
            if (update == null || !update.isObject()) {
                throw TelegramUpdates.malformed("the body must be a Telegram Update: a JSON object with update_id", null);
            }
            return update;
        } catch (IOException e) {
            throw TelegramUpdates.malformed("the body is not valid JSON; Telegram sends an Update object", null);
        }
    }
}
