package io.throughline.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Slack's signature against the worked example in Slack's docs, "Verifying requests from Slack"
 * (api.slack.com/authentication/verifying-requests-from-slack): the signing secret, timestamp and slash-command body
 * below, byte for byte, sign to the documented {@code v0=a2114d57...}.
 */
class SlackSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @Test
    void signsSlacksDocumentedExampleToItsDocumentedSignature() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheDocumentedRequestAtTheTimeItWasSent() {
        assertThat(at(1531420618).refusal(TIMESTAMP, SIGNATURE, BODY)).isEmpty();
        assertThat(at(1531420618 + 300).refusal(TIMESTAMP, SIGNATURE, BODY)).as("five minutes later, just").isEmpty();
        assertThat(at(1531420618 - 300).refusal(TIMESTAMP, SIGNATURE, BODY)).as("a clock five minutes behind").isEmpty();
    }

    @Test
    void refusesItMoreThanFiveMinutesFromNowEvenThoughItIsCorrectlySigned() {
        assertThat(at(1531420618 + 301).refusal(TIMESTAMP, SIGNATURE, BODY)).hasValueSatisfying(
                reason -> assertThat(reason).contains("more than 5 minutes"));
        assertThat(at(1531420618 - 301).refusal(TIMESTAMP, SIGNATURE, BODY)).isPresent();
    }

    @Test
    void refusesAChangedBodyOrTimestampAWrongSecretAndMissingHeaders() {
        SlackSignature slack = at(1531420618);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("roadrunner", "coyote")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(slack.refusal(TIMESTAMP, SIGNATURE, changed)).isPresent();
        assertThat(slack.refusal("1531420619", SIGNATURE, BODY)).isPresent();
        assertThat(new SlackSignature("another-secret", fixed(1531420618)).refusal(TIMESTAMP, SIGNATURE, BODY)).isPresent();
        assertThat(slack.refusal(TIMESTAMP, SIGNATURE.replace("v0=", "v1="), BODY)).isPresent();
        assertThat(slack.refusal(null, SIGNATURE, BODY)).isPresent();
        assertThat(slack.refusal(TIMESTAMP, null, BODY)).isPresent();
        assertThat(slack.refusal("yesterday", SIGNATURE, BODY)).hasValueSatisfying(
                reason -> assertThat(reason).contains("Unix seconds"));
    }

    private static SlackSignature at(long epochSecond) {
        return new SlackSignature(SECRET, fixed(epochSecond));
    }

    private static Clock fixed(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
