package io.throughline.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.meta.GraphApi;
import io.throughline.channel.meta.ReplyText;
import io.throughline.customer.IdentityType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends replies through the Cloud API: {@code POST /{version}/{phone-number-id}/messages} with the access token as a
 * bearer token. Within 24 hours of the customer's last message (the customer service window) the reply goes out as
 * text; after that WhatsApp only delivers an approved template, so the reply fills the template's one body parameter.
 */
@Component
class WhatsAppSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
    static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);

    private final WhatsAppSettings settings;
    private final ObjectMapper json;
    private final GraphApi api;

    WhatsAppSender(WhatsAppSettings settings, RestClient.Builder rest, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.api = new GraphApi("WhatsApp Cloud API", rest, json, settings.apiBaseUrl(), settings.timeout());
    }

    @Override
    public String channel() {
        return WhatsApp.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        if (!settings.on()) {
            throw new ChannelNotConfiguredException(WhatsApp.CHANNEL, settings.missingSettings());
        }
        if (delivery.recipient().type() != IdentityType.PHONE) {
            throw new IllegalArgumentException("a whatsapp message goes to a phone number, not to " + delivery.recipient().type().key());
        }
        String to = delivery.recipient().value().substring(1); // the Cloud API takes the number without '+'
        boolean windowOpen = windowOpen(delivery.customerWroteAt());
        if (!windowOpen && !settings.hasTemplate()) {
            throw new IllegalStateException("message " + delivery.messageId() + " cannot go out on whatsapp: the customer "
                    + (delivery.customerWroteAt() == null ? "has not written on whatsapp"
                    : "last wrote on whatsapp at " + delivery.customerWroteAt())
                    + ", more than 24 hours ago, and outside that window WhatsApp only delivers an approved template; "
                    + "set throughline.channels.whatsapp.template-name (and template-language) to one with a single "
                    + "body parameter, or answer on another channel");
        }
        ObjectNode message = windowOpen ? text(to, delivery) : template(to, delivery);
        JsonNode answer = api.post("/{version}/{phoneNumberId}/messages",
                Map.of("version", settings.apiVersion(), "phoneNumberId", settings.phoneNumberId()),
                headers -> headers.setBearerAuth(settings.accessToken()), message);
        String id = answer.path("messages").path(0).path("id").asText(null);
        if (id == null) {
            log.warn("the WhatsApp Cloud API accepted message {} but named no id: its statuses cannot be matched",
                    delivery.messageId());
        }
        log.info("sent whatsapp {} {} to {} as {}", windowOpen ? "text" : "template " + settings.templateName(),
                delivery.messageId(), WhatsApp.mask(delivery.recipient().value()), id);
        return id;
    }

    private static boolean windowOpen(OffsetDateTime customerWroteAt) {
        return customerWroteAt != null
                && customerWroteAt.isAfter(OffsetDateTime.now().minus(CUSTOMER_SERVICE_WINDOW));
    }

    private ObjectNode text(String to, OutboundDelivery delivery) {
        ObjectNode message = envelope(to, "text");
        message.putObject("text").put("preview_url", false)
                .put("body", ReplyText.compose(delivery.text(), delivery.citations(), ReplyText.CHARACTERS, WhatsApp.MAX_TEXT));
        return message;
    }

    /**
     * The template message: {@code template: {name, language: {code}, components: [{type: body, parameters: [{type:
     * text, text}]}]}}. A parameter may hold no line break, tab or more than four spaces in a row (the Cloud API refuses
     * it with error 132018), so the reply is put on one line.
     */
    private ObjectNode template(String to, OutboundDelivery delivery) {
        String text = delivery.text() == null ? "" : delivery.text().replaceAll("\\s+", " ");
        String parameter = ReplyText.compose(text, delivery.citations(), ReplyText.CHARACTERS,
                WhatsApp.MAX_TEMPLATE_PARAMETER).replaceAll("\\s+", " ").strip();
        ObjectNode message = envelope(to, "template");
        ObjectNode template = message.putObject("template").put("name", settings.templateName());
        template.putObject("language").put("code", settings.templateLanguage());
        template.putArray("components").addObject().put("type", "body")
                .putArray("parameters").addObject().put("type", "text")
                .put("text", parameter);
        return message;
    }

    private ObjectNode envelope(String to, String type) {
        return json.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to).put("type", type);
    }
}
