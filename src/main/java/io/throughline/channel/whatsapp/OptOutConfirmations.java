package io.throughline.channel.whatsapp;

import io.throughline.channel.Outbox;
import io.throughline.conversation.Author;
import io.throughline.conversation.Message;
import io.throughline.conversation.OutboundMessages;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one message WhatsApp gets after STOP: that nothing more comes, and how to resume. WhatsApp, unlike Twilio for
 * SMS, confirms nothing itself. It is kept in the transcript (author system) and sent at once, after the opt-out is
 * stored; a provider that fails leaves it FAILED and the webhook still answered, since Meta's retry would find the STOP
 * accepted already and confirm nothing.
 */
@Component
class OptOutConfirmations {

    static final String TEXT = "You will not get more messages here. Send START to resume.";
    private static final Logger log = LoggerFactory.getLogger(OptOutConfirmations.class);

    private final OutboundMessages outbound;
    private final Outbox outbox;

    OptOutConfirmations(OutboundMessages outbound, Outbox outbox) {
        this.outbound = outbound;
        this.outbox = outbox;
    }

    void confirmOptOut(UUID conversationId) {
        Message confirmation = outbound.recordOn(conversationId, WhatsApp.CHANNEL, Author.SYSTEM, TEXT, List.of());
        try {
            outbox.sendOptOutConfirmation(confirmation.id());
        } catch (Exception e) {
            log.warn("the opt-out confirmation {} could not be sent on whatsapp: {}", confirmation.id(), e.toString());
            outbound.markFailed(confirmation.id());
        }
    }
}
