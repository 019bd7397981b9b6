package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.conversation.MessageCitation;
import io.throughline.customer.Identity;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP side on its own: a mail server of its own, and one that is not there. */
class EmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final EmailSettings settings = new EmailSettings("support@larkspur.example", null, null, null);
    private final OutboundDelivery reply = new OutboundDelivery(UUID.randomUUID(), "Orders ship within 2 business days.",
            List.of(new MessageCitation("Shipping and Delivery", "shipping.md", "Delivery times")),
            Identity.parse("email:ann@example.net"),
            Map.of("messageId", "<q2@example.net>", "references", "<q1@example.net> <r1@larkspur.example>",
                    "subject", "RE: Shipping question"), null);

    @Test
    void aSendThatFailsThrowsAndItsRetryCarriesTheSameMessageId() throws Exception {
        var unreachable = new EmailSender(smtp(closedPort()), settings);
        assertThatThrownBy(() -> unreachable.send(reply)).as("the send job retries on this").isInstanceOf(MailException.class);

        String messageId = new EmailSender(smtp(SMTP.getSmtp().getPort()), settings).send(reply);

        assertThat(messageId).isEqualTo("<" + reply.messageId() + "@larkspur.example>");
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(messageId);
        assertThat(received.getSubject()).as("no Re: RE:").isEqualTo("RE: Shipping question");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<q2@example.net>");
        assertThat(received.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<q1@example.net> <r1@larkspur.example> <q2@example.net>");
        assertThat(received.getContent().toString().replace("\r\n", "\n")).isEqualTo(
                "Orders ship within 2 business days.\n\nSources:\n- Shipping and Delivery (shipping.md)");
    }

    @Test
    void subjectsGetOneRe() {
        assertThat(EmailSender.subject("Shipping question")).isEqualTo("Re: Shipping question");
        assertThat(EmailSender.subject("Re: Shipping question")).isEqualTo("Re: Shipping question");
        assertThat(EmailSender.subject("AW: Versand")).isEqualTo("AW: Versand");
        assertThat(EmailSender.subject("Regarding my order")).isEqualTo("Re: Regarding my order");
        assertThat(EmailSender.subject(null)).isEqualTo("Re: your message");
    }

    @Test
    void aMessageOutsideAnyThreadHasNoInReplyTo() throws Exception {
        String messageId = new EmailSender(smtp(SMTP.getSmtp().getPort()), settings)
                .send(OutboundDelivery.direct(Identity.parse("email:ann@example.net"), "Your code is 123456"));

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(messageId).endsWith("@larkspur.example>");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("References")).isNull();
    }

    @Test
    void withoutSmtpOrFromAddressTheChannelIsOff() {
        assertThatThrownBy(() -> new EmailSender((JavaMailSenderImpl) null, settings).send(reply))
                .isInstanceOf(ChannelNotConfiguredException.class).hasMessageContaining("spring.mail.host");
        assertThatThrownBy(() -> new EmailSender(smtp(SMTP.getSmtp().getPort()), new EmailSettings(null, null, null, null))
                .send(reply)).isInstanceOf(ChannelNotConfiguredException.class).hasMessageContaining("from-address");
    }

    private static JavaMailSenderImpl smtp(int port) {
        var smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        return smtp;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free again once closed: connecting there is refused at once
        }
    }
}
