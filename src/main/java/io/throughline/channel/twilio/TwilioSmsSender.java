package io.throughline.channel.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.SendRefused;
import io.throughline.customer.IdentityType;
import java.io.IOException;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends SMS replies with Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP
 * Basic with the account SID and auth token), asking for status callbacks on our webhook. Twilio's message SID comes
 * back as the provider id; the status callbacks name it.
 */
@Component
class TwilioSmsSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    private final TwilioSettings settings;
    private final PublicUrlSettings publicUrl;
    private final ObjectMapper json;
    private final RestClient twilio;

    TwilioSmsSender(TwilioSettings settings, PublicUrlSettings publicUrl, ObjectMapper json, RestClient.Builder rest) {
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.json = json;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.twilio = rest.baseUrl(settings.apiBaseUrl()).requestFactory(requests).build();
        if (!settings.on()) {
            log.info("the sms channel is off: set {}", String.join(" and ", settings.missing()));
        }
    }

    @Override
    public String channel() {
        return Sms.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        if (!settings.on()) {
            throw new ChannelNotConfiguredException(Sms.CHANNEL, String.join(" and ", settings.missing()));
        }
        if (delivery.recipient().type() != IdentityType.PHONE) {
            throw new IllegalArgumentException("an SMS goes to a phone number, not to " + delivery.recipient().type().key());
        }
        String to = delivery.recipient().value();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        form.add("From", settings.fromNumber());
        form.add("Body", SmsText.of(delivery.text(), delivery.citations()));
        form.add("StatusCallback", publicUrl.of(Sms.STATUS_PATH));
        JsonNode created = twilio.post()
                .uri("/2010-04-01/Accounts/{accountSid}/Messages.json", settings.accountSid())
                .headers(headers -> headers.setBasicAuth(settings.accountSid(), settings.authToken()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    TwilioRefusedException refused = refused(response);
                    // an invalid or unsubscribed number stays so; a 5xx or 429 is worth another try
                    if (SendRefused.isPermanent(response.getStatusCode().value())) {
                        throw new SendRefused(refused.getMessage());
                    }
                    throw refused;
                })
                .body(JsonNode.class);
        String sid = created == null ? null : created.path("sid").asText(null);
        if (sid == null) {
            // Twilio took it (2xx): throwing would have the job send it again, so it is recorded without an id
            log.warn("Twilio accepted sms message {} to {} but named no sid; its status callbacks cannot be matched",
                    delivery.messageId(), Sms.mask(to));
        } else {
            log.info("sent sms message {} to {} as {}", delivery.messageId(), Sms.mask(to), sid);
        }
        return sid;
    }

    /** Twilio's refusal with its status and error code; not its message, which repeats the phone number. */
    private TwilioRefusedException refused(ClientHttpResponse response) throws IOException {
        String code = "";
        try {
            JsonNode error = json.readTree(response.getBody());
            code = error == null ? "" : error.path("code").asText("");
        } catch (IOException notJson) {
            // a proxy's error page, say: the status says enough
        }
        return new TwilioRefusedException(response.getStatusCode().value(), code);
    }

    /** Twilio answered a send with an error status; the send job retries, then raises an incident. */
    static class TwilioRefusedException extends RestClientException {

        TwilioRefusedException(int status, String code) {
            super("Twilio refused the SMS: HTTP " + status + (code.isEmpty() ? ""
                    : ", error " + code + " (https://www.twilio.com/docs/api/errors/" + code + ")"));
        }
    }
}
