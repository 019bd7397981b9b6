package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import io.throughline.support.EventStream;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log never shows a visitor's id (their bearer secret), a channel's secret or token, an API key, a password or a
 * one-time code: a web-chat conversation with a bot reply, a one-time code by mail, a Telegram webhook with its secret
 * (and one with a wrong secret), failed logins and a wrong key run with the output captured, which then holds none of
 * them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends ChannelTestBase {

    private static final String WRONG_PASSWORD = "hunter2-not-demos-password";
    private static final String WRONG_KEY = "tlk_guessed-key-8d0c51e2aa";

    @Test
    void noSecretOrVisitorIdReachesTheLog(CapturedOutput output) throws Exception {
        String visitor = UUID.randomUUID().toString();
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            assertThat(api.post("/api/webchat/" + visitor + "/messages",
                    Api.message("How long does shipping take?", "m1")).status()).isEqualTo(202);
            stream.await(data -> "bot".equals(data.path("author").asText()), Duration.ofSeconds(60));
        }
        assertThat(api.getAs(Api.DEMO, "/api/customers?identity=visitor:" + visitor).status()).isEqualTo(200);

        String email = "kim." + UUID.randomUUID() + "@example.com";
        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs",
                "{\"type\":\"email\",\"value\":\"" + email + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String code = codeIn(awaitMailTo(email));
        String proof = "/api/webchat/" + visitor + "/identity-proofs/" + asked.json().path("proofId").asText();
        assertThat(api.post(proof, "{\"code\":\"" + otherThan(code) + "\"}").status()).isEqualTo(400);
        assertThat(api.post(proof, "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);

        String update = """
                {"update_id": %d, "message": {"message_id": 1, "from": {"id": 777001, "is_bot": false, "first_name": "Ann"},
                 "chat": {"id": 777001, "type": "private", "first_name": "Ann"}, "date": %d, "text": "Hello"}}"""
                .formatted(System.nanoTime() % 1_000_000_000L, Instant.now().getEpochSecond());
        assertThat(api.call("POST", "/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token",
                TELEGRAM_SECRET_TOKEN).status()).isEqualTo(200);
        assertThat(api.call("POST", "/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token",
                TELEGRAM_SECRET_TOKEN + "-wrong").status()).isEqualTo(401);

        String ip = "192.0.2.31";
        assertThat(api.call("GET", "/api/customers/" + UUID.randomUUID(), null, "Authorization",
                Api.basic("nosuchuser:" + WRONG_PASSWORD), "X-Forwarded-For", ip).status()).isEqualTo(401);
        assertThat(api.call("GET", "/api/customers/" + UUID.randomUUID(), null, "X-Api-Key", WRONG_KEY,
                "X-Forwarded-For", ip).status()).isEqualTo(401);
        assertThat(api.call("GET", "/api/customers/" + UUID.randomUUID(), null, "X-Api-Key", SUPERVISOR_API_KEY)
                .status()).isEqualTo(404);

        assertThat(output.getAll()).as("the accepted message was logged, so the log was captured")
                .contains("accepted webchat message");
        for (String secret : List.of(visitor, TELEGRAM_SECRET_TOKEN, TELEGRAM_BOT_TOKEN, WRONG_PASSWORD, WRONG_KEY,
                SUPERVISOR_API_KEY, WEBCHAT_IDENTITY_SECRET, SUPPORT_MAILBOX_PASSWORD)) {
            assertThat(output.getAll()).as("the log holds " + secret).doesNotContain(secret);
        }
        assertThat(Pattern.compile("\\b" + code + "\\b").matcher(output.getAll()).find())
                .as("the log holds the one-time code " + code).isFalse();
    }

    private static String codeIn(String mail) {
        Matcher code = Pattern.compile("\\b([0-9]{6})\\b").matcher(mail);
        assertThat(code.find()).as("a six-digit code in the mail: " + mail).isTrue();
        return code.group(1);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String awaitMailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : MAIL.getReceivedMessages()) {
                if (Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                    return GreenMailUtil.getBody(mail);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " within 30 s");
    }
}
