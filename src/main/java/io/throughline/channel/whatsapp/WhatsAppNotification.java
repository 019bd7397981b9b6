package io.throughline.channel.whatsapp;

import static io.throughline.channel.meta.Payload.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.meta.Payload;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.InboundMessage;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook notification of the Cloud API, read in full before anything is accepted: {@code object:
 * whatsapp_business_account}, {@code entry[].changes[]} with {@code field: messages} and a {@code value} holding
 * {@code contacts[]} and {@code messages[]} (the customer's messages) or {@code statuses[]} (sent, delivered, read,
 * failed for the business's own messages). Statuses are never messages, so the business's replies never come back in.
 */
record WhatsAppNotification(List<InboundMessage> messages, List<Status> statuses) {

    record Status(String providerMessageId, DeliveryStatus status) {}

    private static final Logger log = LoggerFactory.getLogger(WhatsAppNotification.class);
    private static final Map<String, DeliveryStatus> STATUSES = Map.of("sent", DeliveryStatus.SENT,
            "delivered", DeliveryStatus.DELIVERED, "read", DeliveryStatus.READ, "failed", DeliveryStatus.FAILED);

    /** Reads the notification; messages to another phone number of the same business account are left out. */
    static WhatsAppNotification read(JsonNode root, String phoneNumberId) {
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            throw Payload.malformed("object must be whatsapp_business_account, as the Cloud API sends it", "object");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        JsonNode entries = Payload.array(root, "entry", "");
        for (int e = 0; e < entries.size(); e++) {
            String entryPath = at("", "entry", e);
            JsonNode changes = Payload.array(entries.get(e), "changes", entryPath);
            for (int c = 0; c < changes.size(); c++) {
                JsonNode change = changes.get(c);
                String changePath = at(entryPath, "changes", c);
                if (change.has("field") && !"messages".equals(change.path("field").asText())) {
                    continue; // account, template and quality updates: nothing a conversation needs
                }
                JsonNode value = Payload.object(change, "value", changePath);
                String valuePath = at(changePath, "value");
                String to = value.path("metadata").path("phone_number_id").asText("");
                if (!to.isEmpty() && !to.equals(phoneNumberId)) {
                    log.info("whatsapp notification for phone number id {}, not ours ({}): ignored", to, phoneNumberId);
                    continue;
                }
                readMessages(value, valuePath, messages);
                readStatuses(value, valuePath, statuses);
            }
        }
        return new WhatsAppNotification(List.copyOf(messages), List.copyOf(statuses));
    }

    private static void readMessages(JsonNode value, String path, List<InboundMessage> into) {
        if (!value.has("messages")) {
            return;
        }
        JsonNode contacts = value.path("contacts");
        JsonNode messages = Payload.array(value, "messages", path);
        for (int m = 0; m < messages.size(); m++) {
            JsonNode message = messages.get(m);
            String messagePath = at(path, "messages", m);
            String from = Payload.text(message, "from", messagePath);
            String id = Payload.text(message, "id", messagePath);
            String type = Payload.text(message, "type", messagePath);
            String text = text(message, type, messagePath);
            if (text == null) {
                log.info("whatsapp message {} of type {} left out: it is not something the customer said", id, type);
                continue;
            }
            Identity sender;
            try {
                sender = new Identity(IdentityType.PHONE, "+" + from);
            } catch (IllegalArgumentException e) {
                throw Payload.malformed(at(messagePath, "from") + " must be the sender's number in international form "
                        + "without '+', like 16505551234", at(messagePath, "from"));
            }
            into.add(new InboundMessage(WhatsApp.CHANNEL, id, sender, name(contacts, from), text));
        }
    }

    /**
     * What the customer said. Text as it is; a tapped button or list row by its title; media and everything else as a
     * placeholder like "[image]" (with the caption, when there is one), so nothing the customer sent is lost. Reactions
     * and system notices (a changed number) are not messages to answer: null.
     */
    private static String text(JsonNode message, String type, String path) {
        return switch (type) {
            case "text" -> Payload.text(message.path("text"), "body", at(path, "text"));
            case "button" -> message.path("button").path("text").asText("[button]");
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                String title = interactive.path("button_reply").path("title")
                        .asText(interactive.path("list_reply").path("title").asText(""));
                yield title.isBlank() ? "[interactive]" : title;
            }
            case "reaction", "system" -> null;
            default -> {
                String caption = message.path(type).path("caption").asText("").strip();
                yield "[" + type + "]" + (caption.isEmpty() ? "" : " " + caption);
            }
        };
    }

    /** The profile name WhatsApp gives the sender, from the contact with their wa_id. */
    private static String name(JsonNode contacts, String from) {
        for (JsonNode contact : contacts) {
            if (from.equals(contact.path("wa_id").asText()) || contacts.size() == 1) {
                String name = contact.path("profile").path("name").asText("").strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }

    private static void readStatuses(JsonNode value, String path, List<Status> into) {
        if (!value.has("statuses")) {
            return;
        }
        JsonNode statuses = Payload.array(value, "statuses", path);
        for (int s = 0; s < statuses.size(); s++) {
            String statusPath = at(path, "statuses", s);
            String id = Payload.text(statuses.get(s), "id", statusPath);
            String status = Payload.text(statuses.get(s), "status", statusPath);
            DeliveryStatus known = STATUSES.get(status);
            if (known == null) {
                log.debug("whatsapp status '{}' for {} is not one we track", status, id);
                continue;
            }
            into.add(new Status(id, known));
        }
    }
}
