package io.throughline.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.meta.GraphApi;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** Messenger and Instagram without their secrets, and a bot's late reply, without starting the application. */
@ExtendWith(OutputCaptureExtension.class)
class MessengerChannelOffTest {

    static final MessengerSettings OFF = new MessengerSettings(null, null, " ", "https://graph.facebook.com", "v25.0",
            Duration.ofSeconds(10));
    /** On; the API's address is a port nothing listens on. */
    static final MessengerSettings ON = new MessengerSettings("secret", "verify", "token", "http://127.0.0.1:9", "v25.0",
            Duration.ofSeconds(2));

    @Test
    void saysOnceAtStartUpWhichSettingsAreMissing(CapturedOutput output) {
        new MessengerConfiguration().messengerSendApi(OFF, RestClient.builder(), new ObjectMapper());

        assertThat(output.getOut()).contains("the messenger channel (Messenger and Instagram) is off: set "
                + "throughline.channels.messenger.app-secret and throughline.channels.messenger.verify-token and "
                + "throughline.channels.messenger.page-access-token");
    }

    @Test
    void itsWebhookAnswers404SayingItIsOff() {
        var webhook = new MessengerWebhookController(OFF, null, null, null, new ObjectMapper());

        assertThatThrownBy(() -> webhook.receive("sha256=00", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).contains("is off: set throughline.channels.messenger.app-secret");
                });
        assertThatThrownBy(() -> webhook.verify("subscribe", "verify", "1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void bothSendersThrowChannelNotConfigured() {
        for (Platform platform : Platform.values()) {
            var sender = new MessengerSender(platform, OFF, sendApi(OFF), null);
            var to = new Identity(platform.identityType, "6789012345678901");

            assertThatThrownBy(() -> sender.send(delivery(to, OffsetDateTime.now())))
                    .isInstanceOf(ChannelNotConfiguredException.class)
                    .hasMessageContaining("the " + platform.channel + " channel is off");
        }
    }

    @Test
    void aMessageNotFromAPersonOrPastSevenDaysIsRefusedWithoutCallingMeta() {
        var sender = new MessengerSender(Platform.MESSENGER, ON, sendApi(ON), null);
        var psid = new Identity(IdentityType.MESSENGER, "6789012345678901");

        assertThatThrownBy(() -> sender.send(OutboundDelivery.direct(psid, "A code: 123456")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has not written there");
        assertThatThrownBy(() -> sender.send(delivery(psid, OffsetDateTime.now().minusDays(8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("within 7 days");
    }

    private static SendApi sendApi(MessengerSettings settings) {
        var json = new ObjectMapper();
        return new SendApi(settings, new GraphApi("Messenger Send API", RestClient.builder(), json,
                settings.apiBaseUrl(), settings.timeout()), json);
    }

    private static OutboundDelivery delivery(Identity to, OffsetDateTime customerWroteAt) {
        return new OutboundDelivery(null, "Orders ship in 3 business days.", List.of(), to, Map.of(), customerWroteAt);
    }
}
