package io.throughline.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.meta.HubSignature;
import io.throughline.channel.meta.Payload;
import io.throughline.channel.meta.WebhookHandshake;
import io.throughline.conversation.Accepted;
import io.throughline.conversation.InboundMessage;
import io.throughline.customer.ConsentKeyword;
import java.util.Optional;
import io.throughline.conversation.InboundMessages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The Cloud API's webhook: {@code GET} is Meta's check of the URL, {@code POST} a signed notification. Every message of
 * a batch is accepted on its own (a retried batch finds the ones already in and creates nothing new), statuses move the
 * business's replies forward. 200 tells Meta to stop retrying.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WhatsAppSettings settings;
    private final InboundMessages inbound;
    private final OutboundMessages outbound;
    private final ObjectMapper json;
    private final OptOutConfirmations confirmations;

    WhatsAppWebhookController(WhatsAppSettings settings, InboundMessages inbound, OutboundMessages outbound,
                              ObjectMapper json, OptOutConfirmations confirmations) {
        this.confirmations = confirmations;
        this.settings = settings;
        this.inbound = inbound;
        this.outbound = outbound;
        this.json = json;
    }

    record Received(int accepted, int duplicates, int statuses) {}

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String token,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!settings.on()) {
            throw WhatsApp.off(settings);
        }
        return WebhookHandshake.answer(WhatsApp.CHANNEL, settings.verifyToken(), mode, token, challenge);
    }

    @PostMapping
    Received receive(@RequestHeader(name = HubSignature.HEADER, required = false) String signature,
                     @RequestBody(required = false) byte[] body) {
        if (!settings.on()) {
            throw WhatsApp.off(settings);
        }
        if (!HubSignature.valid(settings.appSecret(), body, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, HubSignature.HEADER + " is missing or does not match the "
                    + "body: Meta signs it sha256=<HMAC-SHA256 of the raw body with the app secret>; check "
                    + "throughline.channels.whatsapp.app-secret", HubSignature.HEADER);
        }
        var notification = WhatsAppNotification.read(Payload.read(json, body), settings.phoneNumberId());
        int accepted = 0;
        int duplicates = 0;
        for (InboundMessage message : notification.messages()) {
            Optional<ConsentKeyword> keyword = ConsentKeyword.of(message.text());
            Accepted outcome = keyword.isPresent() ? inbound.acceptConsent(message, keyword.get()) : inbound.accept(message);
            if (keyword.isPresent() && keyword.get().optsOut() && !outcome.duplicate()) {
                confirmations.confirmOptOut(outcome.conversationId());
            }
            if (outcome.duplicate()) {
                duplicates++;
            } else {
                accepted++;
            }
        }
        int applied = 0;
        for (var status : notification.statuses()) {
            if (outbound.applyDeliveryReport(WhatsApp.CHANNEL, status.providerMessageId(), status.status())) {
                applied++;
            } else {
                log.debug("whatsapp status {} for {}: no reply of ours has that id", status.status(),
                        status.providerMessageId());
            }
        }
        return new Received(accepted, duplicates, applied);
    }
}
