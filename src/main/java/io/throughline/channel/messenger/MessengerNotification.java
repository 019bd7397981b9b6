package io.throughline.channel.messenger;

import static io.throughline.channel.meta.Payload.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.meta.Payload;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.InboundMessage;
import io.throughline.customer.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook notification of the Messenger Platform, read in full before anything is accepted: {@code object} is
 * {@code page} (Messenger) or {@code instagram}, and each {@code entry[].messaging[]} event is a customer's message, an
 * echo of the business's own message ({@code message.is_echo}: never accepted), a delivery receipt ({@code delivery.mids},
 * or only {@code delivery.watermark}) or a read receipt ({@code read.watermark} on Messenger, {@code read.mid} on
 * Instagram). Other events (postbacks, reactions, opt-ins...) are left out.
 */
record MessengerNotification(Platform platform, List<InboundMessage> messages, List<Receipt> receipts) {

    /**
     * A delivery or read receipt, for one message by its id, or for every message sent to the customer up to the
     * watermark (Meta: "all messages that were sent before or at this timestamp").
     */
    record Receipt(DeliveryStatus status, String mid, Identity customer, Instant watermark) {}

    private static final Logger log = LoggerFactory.getLogger(MessengerNotification.class);

    static MessengerNotification read(JsonNode root) {
        Platform platform = Platform.byObject(root.path("object").asText()).orElseThrow(() -> Payload.malformed(
                "object must be page (Messenger) or instagram, as the Messenger Platform sends it", "object"));
        List<InboundMessage> messages = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        JsonNode entries = Payload.array(root, "entry", "");
        for (int e = 0; e < entries.size(); e++) {
            JsonNode events = entries.get(e).path("messaging");
            if (!events.isArray()) {
                continue; // standby (another app holds the thread) or Page feed changes: not ours to answer
            }
            for (int m = 0; m < events.size(); m++) {
                read(platform, events.get(m), at(at("", "entry", e), "messaging", m), messages, receipts);
            }
        }
        return new MessengerNotification(platform, List.copyOf(messages), List.copyOf(receipts));
    }

    private static void read(Platform platform, JsonNode event, String path, List<InboundMessage> messages,
                             List<Receipt> receipts) {
        String senderPath = at(path, "sender");
        if (event.has("message")) {
            JsonNode message = event.path("message");
            if (message.path("is_echo").asBoolean(false)) {
                return; // the business's own message (ours, or typed in the Page inbox) coming back
            }
            String mid = Payload.text(message, "mid", at(path, "message"));
            String text = text(message);
            if (text == null) {
                log.info("{} message {} left out: no text and no attachment (deleted or unsupported)", platform.channel, mid);
                return;
            }
            Identity sender = customer(platform, Payload.text(event.path("sender"), "id", senderPath));
            messages.add(new InboundMessage(platform.channel, mid, sender, null, text));
        } else if (event.has("delivery")) {
            receipts(platform, event, event.path("delivery"), DeliveryStatus.DELIVERED, senderPath, receipts);
        } else if (event.has("read")) {
            receipts(platform, event, event.path("read"), DeliveryStatus.READ, senderPath, receipts);
        } else {
            log.debug("{} event {} left out: not a message or a receipt", platform.channel, path);
        }
    }

    /** The text, or for attachments only a placeholder per attachment, like "[image]", so nothing sent is lost. */
    private static String text(JsonNode message) {
        String text = message.path("text").asText("").strip();
        if (!text.isEmpty()) {
            return text;
        }
        String attachments = StreamSupport.stream(message.path("attachments").spliterator(), false)
                .map(a -> "[" + a.path("type").asText("attachment") + "]").collect(Collectors.joining(" "));
        return attachments.isEmpty() ? null : attachments;
    }

    private static void receipts(Platform platform, JsonNode event, JsonNode receipt, DeliveryStatus status,
                                 String senderPath, List<Receipt> into) {
        List<String> mids = new ArrayList<>();
        receipt.path("mids").forEach(mid -> mids.add(mid.asText()));
        if (receipt.hasNonNull("mid")) {
            mids.add(receipt.path("mid").asText());
        }
        if (!mids.isEmpty()) {
            mids.forEach(mid -> into.add(new Receipt(status, mid, null, null)));
        } else if (receipt.path("watermark").canConvertToLong()) {
            Identity customer = customer(platform, Payload.text(event.path("sender"), "id", senderPath));
            into.add(new Receipt(status, null, customer, Instant.ofEpochMilli(receipt.path("watermark").asLong())));
        }
    }

    private static Identity customer(Platform platform, String id) {
        return new Identity(platform.identityType, id);
    }
}
