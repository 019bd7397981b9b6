package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.customer.Identity;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mail as it sits in the mailbox, read into a customer message or left alone with a reason. */
class IncomingMailTest {

    private final IncomingMail incoming = new IncomingMail(Set.of("Support@Larkspur.example"));

    @Test
    void aGmailReplyKeepsItsThreadAndWhatTheReceivingServerFoundAboutTheSender() throws Exception {
        var reading = read("""
                Authentication-Results: mx.larkspur.example;
                       dkim=pass header.i=@example.net header.s=20230601 header.b=abc123;
                       spf=pass (mx.larkspur.example: domain of ann@example.net designates 209.85.220.41 as permitted sender) smtp.mailfrom=ann@example.net;
                       dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=example.net
                Authentication-Results: relay.example.org; spf=fail smtp.mailfrom=ann@example.net
                From: "Ann Customer" <Ann@Example.net>
                To: Larkspur Support <support@larkspur.example>
                Subject: Re: Shipping question
                Message-ID: <CAFx=q2@mail.gmail.com>
                In-Reply-To: <reply-1@larkspur.example>
                References: <CAFx=q1@mail.gmail.com>
                 <reply-1@larkspur.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset="UTF-8"

                Thanks! Do you also ship to Canada?

                On Tue, Mar 4, 2025 at 10:12 AM Larkspur Support <support@larkspur.example> wrote:
                > Orders ship within 2 business days.
                """);

        assertThat(reading.skipped()).isNull();
        var message = reading.message();
        assertThat(message.channel()).isEqualTo("email");
        assertThat(message.providerMessageId()).isEqualTo("<CAFx=q2@mail.gmail.com>");
        assertThat(message.sender()).isEqualTo(Identity.parse("email:ann@example.net"));
        assertThat(message.senderName()).isEqualTo("Ann Customer");
        assertThat(message.text()).isEqualTo("Thanks! Do you also ship to Canada?");
        assertThat(message.replyContext())
                .containsEntry("messageId", "<CAFx=q2@mail.gmail.com>")
                .containsEntry("references", "<CAFx=q1@mail.gmail.com> <reply-1@larkspur.example>")
                .containsEntry("subject", "Re: Shipping question")
                .containsEntry("from", "Ann@Example.net")
                .containsEntry("spf", "pass")
                .containsEntry("dkim", "pass");
    }

    @Test
    void withoutAuthenticationResultsThereIsNoVerdict() throws Exception {
        var reading = read(plain("From: ann@example.net\nMessage-ID: <q1@example.net>\nSubject: Hi\n", "Hello"));

        assertThat(reading.message().replyContext()).doesNotContainKeys("spf", "dkim", "references");
    }

    @Test
    void aMailWithoutMessageIdIsKnownByTheHashOfItsBytes() throws Exception {
        String raw = plain("From: ann@example.net\nSubject: No id\n", "Where is my order?");

        var first = read(raw);
        var again = read(raw);

        assertThat(first.message().providerMessageId()).startsWith("sha256:").hasSize(71)
                .isEqualTo(again.message().providerMessageId());
        assertThat(first.message().replyContext()).doesNotContainKey("messageId");
    }

    @Test
    void automaticMailIsLeftAlone() throws Exception {
        assertThat(read(plain("From: ann@example.net\nAuto-Submitted: auto-replied\nMessage-ID: <a@x>\n",
                "I am on holiday until Monday.")).skipped()).contains("Auto-Submitted: auto-replied");
        assertThat(read(plain("From: news@example.net\nPrecedence: bulk\nMessage-ID: <b@x>\n", "Our newsletter"))
                .skipped()).contains("Precedence: bulk");
        assertThat(read(plain("From: ann@example.net\nPrecedence: auto_reply\nMessage-ID: <c@x>\n", "Away"))
                .skipped()).contains("Precedence: auto_reply");
        assertThat(read(plain("From: MAILER-DAEMON@mx.example.net\nMessage-ID: <d@x>\n", "Undeliverable"))
                .skipped()).contains("bounce");
        assertThat(read(plain("From: ann@example.net\nAuto-Submitted: no\nMessage-ID: <e@x>\n", "A person wrote this"))
                .skipped()).isNull();
    }

    @Test
    void mailFromOurOwnAddressIsAnEchoNotACustomer() throws Exception {
        var reading = read(plain("From: Larkspur Support <support@larkspur.example>\nMessage-ID: <r@larkspur.example>\n",
                "Orders ship within 2 business days."));

        assertThat(reading.skipped()).contains("our own address");
        assertThat(reading.message()).isNull();
    }

    @Test
    void theTextPartIsPreferredAndAttachmentsAreNamed() throws Exception {
        var reading = read("""
                From: ann@example.net
                Message-ID: <m1@example.net>
                Subject: Broken pot
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                The pot arrived broken, photo attached.
                --inner
                Content-Type: text/html; charset=UTF-8

                <div>The pot arrived <b>broken</b>, photo attached.</div>
                --inner--
                --outer
                Content-Type: image/jpeg; name="pot.jpg"
                Content-Disposition: attachment; filename="pot.jpg"
                Content-Transfer-Encoding: base64

                /9j/4AAQSkZJRgABAQ==
                --outer--
                """);

        assertThat(reading.message().text()).isEqualTo("The pot arrived broken, photo attached.\n[attachment: pot.jpg]");
    }

    @Test
    void anHtmlOnlyMailIsReadAsText() throws Exception {
        var reading = read("""
                From: ann@example.net
                Message-ID: <h1@example.net>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Hello,</p><p>can I change my delivery address?</p></body></html>
                """);

        assertThat(reading.message().text()).isEqualTo("Hello,\ncan I change my delivery address?");
    }

    @Test
    void anEmptyBodyLetsTheSubjectSpeak() throws Exception {
        var reading = read(plain("From: ann@example.net\nMessage-ID: <s1@example.net>\nSubject: Where is my order 1234?\n", ""));

        assertThat(reading.message().text()).isEqualTo("Where is my order 1234?");
    }

    private static String plain(String headers, String body) {
        return headers + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    }

    private IncomingMail.Reading read(String raw) throws Exception {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return incoming.read(new MimeMessage(null, new ByteArrayInputStream(bytes)), bytes);
    }
}
