package io.throughline.channel.webchat;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityProofs;
import io.throughline.customer.IdentityType;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor proving a phone number by the code sent there, over HTTP. The code is issued straight from the service
 * here, so these tests do not hang on an SMS or WhatsApp sender; WebChatToWhatsAppContinuityTest reads it off the wire.
 */
class OneTimeCodeTest extends ChannelTestBase {

    @Autowired
    IdentityProofs proofs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRightCodeLinksThePhoneVerifiedToTheVisitorsCustomerAndWorksOnce() {
        String visitor = UUID.randomUUID().toString();
        String customer = api.post("/api/webchat/" + visitor + "/messages", message("Hello", "otp-1"))
                .json().path("customerId").asText();
        Identity phone = phone();
        var issued = proofs.issue(Identity.visitor(visitor), phone, "sms");

        var wrong = api.post(checkPath(visitor, issued.proofId()), code(otherThan(issued.code())));
        var right = api.post(checkPath(visitor, issued.proofId()), code(issued.code()));
        var again = api.post(checkPath(visitor, issued.proofId()), code(issued.code()));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("field").asText()).isEqualTo("code");
        assertThat(wrong.json().path("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(wrong.json().path("error").asText()).contains("4 attempts left");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().path("customerId").asText()).isEqualTo(customer);
        assertThat(right.json().path("identity").asText()).isEqualTo(phone.toString());
        assertThat(right.json().path("merged").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(410);
        JsonNode record = api.getAs(DEMO, "/api/customers/" + customer).json();
        assertThat(record.path("identities").findValuesAsText("value")).contains(phone.value());
        assertThat(record.path("identities")).anySatisfy(identity -> {
            assertThat(identity.path("type").asText()).isEqualTo("phone");
            assertThat(identity.path("verified").asBoolean()).isTrue();
        });
        assertThat(record.path("customer").path("identities").findValuesAsText("value"))
                .as("the record's own fields are as they were").contains(phone.value(), visitor);
        assertThat(record.path("merges").isArray()).isTrue();
    }

    @Test
    void fiveWrongCodesSpendTheProofAndTheSixthIsRefusedEvenWhenRight() {
        String visitor = UUID.randomUUID().toString();
        var issued = proofs.issue(Identity.visitor(visitor), phone(), "sms");
        String wrong = otherThan(issued.code());

        for (int left = 4; left >= 0; left--) {
            var attempt = api.post(checkPath(visitor, issued.proofId()), code(wrong));
            assertThat(attempt.status()).isEqualTo(400);
            assertThat(attempt.json().path("attemptsLeft").asInt()).isEqualTo(left);
        }
        var sixth = api.post(checkPath(visitor, issued.proofId()), code(issued.code()));

        assertThat(sixth.status()).isEqualTo(410);
        assertThat(sixth.json().path("error").asText()).contains("ask for a new code");
        assertThat(jdbc.sql("select count(*) from customer_identities where identity_value = ?").param(visitor)
                .query(Integer.class).single()).as("nothing linked, nobody created").isZero();
    }

    @Test
    void aProofIsTheAskingVisitorsAndAMalformedCodeIsNotAnAttempt() {
        String visitor = UUID.randomUUID().toString();
        var issued = proofs.issue(Identity.visitor(visitor), phone(), "sms");

        var someoneElse = api.post(checkPath(UUID.randomUUID().toString(), issued.proofId()), code(issued.code()));
        var malformed = api.post(checkPath(visitor, issued.proofId()), code("12ab"));
        var unknown = api.post(checkPath(visitor, UUID.randomUUID()), code("123456"));

        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("field").asText()).isEqualTo("code");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(jdbc.sql("select attempts from identity_proofs where id = ?").param(issued.proofId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEmailAddressIsProvenByTheCodeSentThereByMail() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String email = "lee." + UUID.randomUUID() + "@example.com";

        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs", "{\"type\":\"email\",\"value\":\"" + email + "\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().path("sentVia").asText()).isEqualTo("email");
        String body = awaitMailTo(email);
        Matcher code = Pattern.compile("\\b([0-9]{6})\\b").matcher(body);
        assertThat(code.find()).as("a six-digit code in the mail: " + body).isTrue();
        var proven = api.post(checkPath(visitor, UUID.fromString(asked.json().path("proofId").asText())), code(code.group(1)));

        assertThat(proven.status()).isEqualTo(200);
        assertThat(proven.json().path("identity").asText()).isEqualTo("email:" + email);
        assertThat(jdbc.sql("select code_hash from identity_proofs where id = ?")
                .param(UUID.fromString(asked.json().path("proofId").asText())).query(String.class).single())
                .as("only a hash is kept").doesNotContain(code.group(1));
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

    @Test
    void aProofIsAskedForAPhoneOrAnEmailInAUsableForm() {
        String path = "/api/webchat/" + UUID.randomUUID() + "/identity-proofs";

        var fax = api.post(path, "{\"type\":\"fax\",\"value\":\"+4930123456\"}");
        var localNumber = api.post(path, "{\"type\":\"phone\",\"value\":\"0151 1234567\"}");
        var notAnEmail = api.post(path, "{\"type\":\"email\",\"value\":\"ann at example\"}");
        var notAVisitor = api.post("/api/webchat/visitor-1/identity-proofs", "{\"type\":\"phone\",\"value\":\"+4930123456\"}");

        assertThat(fax.status()).isEqualTo(400);
        assertThat(fax.json().path("field").asText()).isEqualTo("type");
        assertThat(localNumber.status()).isEqualTo(400);
        assertThat(localNumber.json().path("field").asText()).isEqualTo("value");
        assertThat(localNumber.json().path("error").asText()).contains("E.164");
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.json().path("field").asText()).isEqualTo("value");
        assertThat(notAVisitor.status()).isEqualTo(400);
        assertThat(notAVisitor.json().path("field").asText()).isEqualTo("visitorId");
    }

    static Identity phone() {
        return new Identity(IdentityType.PHONE, "+4915" + (100_000_000L + (long) (Math.random() * 899_999_999L)));
    }

    static String checkPath(String visitor, UUID proofId) {
        return "/api/webchat/" + visitor + "/identity-proofs/" + proofId;
    }

    static String code(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
