package io.throughline.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** X-Twilio-Signature against Twilio's own published examples; plain JUnit. */
class TwilioSignatureTest {

    private static final String AUTH_TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    /**
     * The worked example of Twilio's "Secure webhooks" page (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
     * auth token 12345, that URL, and the POST parameters CallSid, Caller, Digits, From, To, which it spells out as the
     * signed string {@code https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310
     * Digits1234From+14158675310To+18005551212}.
     */
    @Test
    void twiliosDocumentedExampleGivesItsSignature() {
        var form = form("To=%2B18005551212&From=%2B14158675310&Digits=1234&CallSid=CA1234567890ABCDE&Caller=%2B14158675310");

        assertThat(TwilioSignature.compute(AUTH_TOKEN, URL, form)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    /**
     * The same example as twilio-java's own RequestValidatorTest has it (src/test/java/com/twilio/security/
     * RequestValidatorTest.java: Caller and From +14158675309, signature RSOYDt4T1cUTdK1PDd93/VVr8B8=).
     */
    @Test
    void twilioJavasRequestValidatorTestVectorIsValid() {
        var form = form("Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309");

        assertThat(TwilioSignature.valid(AUTH_TOKEN, URL, form, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.valid(AUTH_TOKEN, URL, form, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("54321", URL, form, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    }

    /**
     * twilio-java's RequestValidatorTest again: a signature over the URL with https's port written out
     * (kvajT1Ptam85bY51eRf/AJRuM3w=, "hash of https uri with port 443") is valid for the URL without it, and the
     * documented signature is valid for the URL with the port; a port that is not the default stays as it is.
     */
    @Test
    void theDefaultPortMayBeWrittenOutOrLeftOff() {
        var form = form("Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309");

        assertThat(TwilioSignature.valid(AUTH_TOKEN, URL, form, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
        assertThat(TwilioSignature.valid(AUTH_TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", form,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.valid(AUTH_TOKEN, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", form,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.otherPortSpelling("http://localhost:8080/webhooks")).isEqualTo("http://localhost:8080/webhooks");
        assertThat(TwilioSignature.otherPortSpelling("http://a.example/webhooks?x=1")).isEqualTo("http://a.example:80/webhooks?x=1");
    }

    @Test
    void theQueryStringIsPartOfTheSignedUrlAndNotAParameter() {
        var form = form("Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309");

        assertThat(TwilioSignature.valid(AUTH_TOKEN, "https://mycompany.com/myapp.php", form,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("the same parameters without the URL's query string").isFalse();
        var withQueryAsParameters = form("foo=1&bar=2&Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212"
                + "&Caller=%2B14158675309&From=%2B14158675309");
        assertThat(TwilioSignature.valid(AUTH_TOKEN, "https://mycompany.com/myapp.php", withQueryAsParameters,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("query parameters mixed into the POST ones").isFalse();
    }

    @Test
    void valuesAreSignedDecoded() {
        var form = form("Body=Caf%C3%A9+%26+cr%C3%A8me%3F&From=%2B14158675309");

        assertThat(form.first("Body")).contains("Café & crème?");
        assertThat(TwilioSignature.compute("tok", "https://x.example/sms", form)).isEqualTo(
                io.throughline.channel.Signatures.hmacSha1Base64("tok",
                        "https://x.example/smsBodyCafé & crème?From+14158675309".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMalformedEscapeIsRefused() {
        assertThatThrownBy(() -> form("Body=100%")).isInstanceOf(IllegalArgumentException.class);
    }

    private static FormParameters form(String body) {
        return FormParameters.parse(body.getBytes(StandardCharsets.US_ASCII));
    }
}
