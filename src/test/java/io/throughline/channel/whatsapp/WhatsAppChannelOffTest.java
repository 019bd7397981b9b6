package io.throughline.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.customer.Identity;
import io.throughline.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** A WhatsApp channel without its secrets, or without a template, without starting the application. */
@ExtendWith(OutputCaptureExtension.class)
class WhatsAppChannelOffTest {

    static final WhatsAppSettings OFF = new WhatsAppSettings(null, "", null, null, "https://graph.facebook.com",
            "v25.0", null, "en_US", Duration.ofSeconds(10));
    /** On, but without a template; the API's address is a port nothing listens on. */
    static final WhatsAppSettings NO_TEMPLATE = new WhatsAppSettings("secret", "verify", "token", "106540352242922",
            "http://127.0.0.1:9", "v25.0", null, "en_US", Duration.ofSeconds(2));

    @Test
    void saysOnceAtStartUpWhichSettingsAreMissing(CapturedOutput output) {
        new WhatsAppConfiguration(OFF);

        assertThat(output.getOut()).contains("the whatsapp channel is off: set throughline.channels.whatsapp.app-secret "
                + "and throughline.channels.whatsapp.verify-token and throughline.channels.whatsapp.access-token and "
                + "throughline.channels.whatsapp.phone-number-id");
    }

    @Test
    void itsWebhookAnswers404SayingItIsOff() {
        var webhook = new WhatsAppWebhookController(OFF, null, null, new ObjectMapper(), null);

        assertThatThrownBy(() -> webhook.receive("sha256=00", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("the whatsapp channel is off: set ");
                });
        assertThatThrownBy(() -> webhook.verify("subscribe", "", "1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void itsSenderThrowsChannelNotConfigured() {
        var sender = new WhatsAppSender(OFF, RestClient.builder(), new ObjectMapper());

        assertThatThrownBy(() -> sender.send(delivery(OffsetDateTime.now())))
                .isInstanceOf(ChannelNotConfiguredException.class)
                .hasMessageContaining("throughline.channels.whatsapp.access-token");
    }

    @Test
    void outsideTheWindowWithoutATemplateTheSendFailsClearlyWithoutCallingMeta() {
        var sender = new WhatsAppSender(NO_TEMPLATE, RestClient.builder(), new ObjectMapper());

        assertThatThrownBy(() -> sender.send(delivery(OffsetDateTime.now().minusHours(25))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than 24 hours ago")
                .hasMessageContaining("throughline.channels.whatsapp.template-name");
        assertThatThrownBy(() -> sender.send(delivery(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not written on whatsapp");
    }

    private static OutboundDelivery delivery(OffsetDateTime customerWroteAt) {
        return new OutboundDelivery(UUID.randomUUID(), "Orders ship in 3 business days.", List.of(),
                new Identity(io.throughline.customer.IdentityType.PHONE, "+4915112345678"), Map.of(), customerWroteAt);
    }
}
