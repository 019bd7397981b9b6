package io.throughline.channel.messenger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.meta.HubSignature;
import io.throughline.channel.meta.Payload;
import io.throughline.channel.meta.WebhookHandshake;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.InboundMessages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Messenger Platform's webhook, for Messenger and Instagram alike: {@code GET} is Meta's check of the URL,
 * {@code POST} a signed notification. Each customer message is accepted on its own (a retried notification creates
 * nothing new); receipts move the business's replies forward. 200 tells Meta to stop retrying.
 */
@RestController
@RequestMapping("/webhooks/messenger")
class MessengerWebhookController {

    private final MessengerSettings settings;
    private final InboundMessages inbound;
    private final OutboundMessages outbound;
    private final Watermarks watermarks;
    private final ObjectMapper json;

    MessengerWebhookController(MessengerSettings settings, InboundMessages inbound, OutboundMessages outbound,
                               Watermarks watermarks, ObjectMapper json) {
        this.settings = settings;
        this.inbound = inbound;
        this.outbound = outbound;
        this.watermarks = watermarks;
        this.json = json;
    }

    record Received(int accepted, int duplicates, int receipts) {}

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String token,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!settings.on()) {
            throw Messenger.off(settings);
        }
        return WebhookHandshake.answer("messenger", settings.verifyToken(), mode, token, challenge);
    }

    @PostMapping
    Received receive(@RequestHeader(name = HubSignature.HEADER, required = false) String signature,
                     @RequestBody(required = false) byte[] body) {
        if (!settings.on()) {
            throw Messenger.off(settings);
        }
        if (!HubSignature.valid(settings.appSecret(), body, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, HubSignature.HEADER + " is missing or does not match the "
                    + "body: Meta signs it sha256=<HMAC-SHA256 of the raw body with the app secret>; check "
                    + "throughline.channels.messenger.app-secret", HubSignature.HEADER);
        }
        var notification = MessengerNotification.read(Payload.read(json, body));
        int accepted = 0;
        int duplicates = 0;
        for (InboundMessage message : notification.messages()) {
            if (inbound.accept(message).duplicate()) {
                duplicates++;
            } else {
                accepted++;
            }
        }
        String channel = notification.platform().channel;
        int receipts = 0;
        for (var receipt : notification.receipts()) {
            receipts += receipt.mid() != null
                    ? (outbound.applyDeliveryReport(channel, receipt.mid(), receipt.status()) ? 1 : 0)
                    : watermarks.apply(channel, receipt.customer(), receipt.watermark(), receipt.status());
        }
        return new Received(accepted, duplicates, receipts);
    }
}
