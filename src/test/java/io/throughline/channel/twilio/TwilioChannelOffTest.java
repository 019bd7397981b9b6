package io.throughline.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.conversation.InboundMessages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.Identity;
import io.throughline.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;

/** Without an account SID, auth token and number the SMS channel is off: its webhook says so, its sender refuses. */
class TwilioChannelOffTest {

    private final TwilioSettings off = new TwilioSettings(null, " ", "+15005550006", null, null);
    private final PublicUrlSettings publicUrl = new PublicUrlSettings(null);

    @Test
    void theWebhookAnswersNotFoundNamingTheMissingSettings() {
        InboundMessages inbound = mock(InboundMessages.class);
        var webhook = new TwilioWebhookController(off, publicUrl, inbound, mock(OutboundMessages.class));
        var request = new MockHttpServletRequest("POST", "/webhooks/twilio/sms");
        request.setContent("MessageSid=SM1&From=%2B14155550100&Body=Hi".getBytes());

        assertThatThrownBy(() -> webhook.incoming(request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("the sms channel is off: set throughline.channels.twilio.account-sid "
                    + "and throughline.channels.twilio.auth-token");
        });
        verifyNoInteractions(inbound);
    }

    @Test
    void theSenderRefusesToSend() {
        var sender = new TwilioSmsSender(off, publicUrl, new ObjectMapper(), RestClient.builder());

        assertThatThrownBy(() -> sender.send(OutboundDelivery.direct(Identity.parse("phone:+14155550100"), "Hi")))
                .isInstanceOf(ChannelNotConfiguredException.class).hasMessageContaining("account-sid");
    }

    @Test
    void defaultsAreTwiliosApiAndTheLocalApplication() {
        var settings = new TwilioSettings("AC1", "token", "+15005550006", null, null);

        assertThat(settings.apiBaseUrl()).isEqualTo("https://api.twilio.com");
        assertThat(settings.timeout()).hasSeconds(10);
        assertThat(settings.toString()).doesNotContain("token");
        assertThat(publicUrl.of("/webhooks/twilio/sms")).isEqualTo("http://localhost:8080/webhooks/twilio/sms");
    }
}
