package io.throughline.channel.email;

import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.SendRefused;
import io.throughline.conversation.MessageCitation;
import io.throughline.customer.IdentityType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends replies by SMTP ({@code spring.mail.*}) from {@code throughline.channels.email.from-address}, in the thread of
 * the customer's latest mail: "Re:" its subject, In-Reply-To its Message-ID, References the thread so far. Our own
 * Message-ID is made from the reply's id, so a send retried after a crash carries the same one and mail clients show
 * the reply once.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(re|aw|sv|antw)\\s*(\\[\\d+])?\\s*:.*",
            Pattern.CASE_INSENSITIVE);

    private final JavaMailSender mailSender;
    private final EmailSettings settings;

    @Autowired
    EmailSender(ObjectProvider<JavaMailSender> mailSender, EmailSettings settings) {
        this(withTimeouts(mailSender.getIfAvailable()), settings);
        if (this.mailSender == null) {
            log.info("the email channel sends no replies: set spring.mail.host (and spring.mail.port, username, "
                    + "password) for SMTP");
        } else if (!settings.hasFromAddress()) {
            log.info("the email channel sends no replies: set {}from-address", EmailSettings.PREFIX);
        }
    }

    EmailSender(JavaMailSender mailSender, EmailSettings settings) {
        this.mailSender = mailSender;
        this.settings = settings;
    }

    /**
     * SMTP without timeouts waits forever on a server that stopped answering, and with it the send job. Ten seconds
     * each, unless spring.mail.properties sets them.
     */
    private static JavaMailSender withTimeouts(JavaMailSender mailSender) {
        if (mailSender instanceof JavaMailSenderImpl smtp) {
            for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                smtp.getJavaMailProperties().putIfAbsent("mail.smtp." + timeout, "10000");
            }
        }
        return mailSender;
    }

    @Override
    public String channel() {
        return Mail.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) throws MessagingException {
        if (mailSender == null) {
            throw new ChannelNotConfiguredException(Mail.CHANNEL, "spring.mail.host (SMTP)");
        }
        if (!settings.hasFromAddress()) {
            throw new ChannelNotConfiguredException(Mail.CHANNEL, EmailSettings.PREFIX + "from-address");
        }
        if (delivery.recipient().type() != IdentityType.EMAIL) {
            throw new IllegalArgumentException("an email goes to an email address, not to "
                    + delivery.recipient().type().key());
        }
        Map<String, String> thread = delivery.replyContext();
        String messageId = messageId(delivery.messageId());
        MimeMessage mail = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
        helper.setFrom(settings.fromAddress().strip());
        helper.setTo(delivery.recipient().value());
        helper.setSubject(subject(thread.get("subject")));
        helper.setText(body(delivery));
        mail.setHeader("Message-ID", messageId); // JavaMailSenderImpl keeps a Message-ID that was set
        String parent = thread.get("messageId");
        if (parent != null) {
            mail.setHeader("In-Reply-To", parent);
            String references = references(thread.get("references"), parent);
            mail.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
        try {
            mailSender.send(mail);
        } catch (MailSendException e) {
            if (addressRefused(e)) {
                // the server said this address does not take mail (5xx): no retry changes that
                throw new SendRefused("the mail server refused the address " + Mail.mask(delivery.recipient().value())
                        + ": " + e.getMostSpecificCause().getMessage());
            }
            throw e;
        }
        log.info("sent email message {} to {} as {}", delivery.messageId(), Mail.mask(delivery.recipient().value()),
                messageId);
        return messageId;
    }

    private static boolean addressRefused(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof jakarta.mail.SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code <reply-id@our-domain>}: the same reply always has the same Message-ID. */
    String messageId(UUID replyId) {
        String local = replyId == null ? UUID.randomUUID().toString() : replyId.toString();
        return "<" + local + "@" + Mail.domain(settings.fromAddress()) + ">";
    }

    /** "Re: " and the customer's subject, not "Re: Re: "; a plain subject for a message outside any thread. */
    static String subject(String inbound) {
        if (inbound == null || inbound.isBlank()) {
            return "Re: your message";
        }
        String subject = inbound.strip();
        return REPLY_PREFIX.matcher(subject).matches() ? subject : "Re: " + subject;
    }

    /** The thread so far, then the mail we answer (RFC 5322 3.6.4). */
    static String references(String inbound, String parent) {
        if (inbound == null || inbound.isBlank()) {
            return parent;
        }
        String references = inbound.strip();
        return references.endsWith(parent) ? references : references + " " + parent;
    }

    /** The reply in plain text, its sources listed below it. */
    static String body(OutboundDelivery delivery) {
        StringBuilder body = new StringBuilder(delivery.text() == null ? "" : delivery.text().strip());
        Set<String> sources = new LinkedHashSet<>();
        for (MessageCitation citation : delivery.citations()) {
            String title = citation.title() == null || citation.title().isBlank() ? null : citation.title().strip();
            String source = citation.source() == null || citation.source().isBlank() ? null : citation.source().strip();
            if (title != null || source != null) {
                sources.add("- " + (title == null ? source : source == null || source.equals(title) ? title
                        : title + " (" + source + ")"));
            }
        }
        if (!sources.isEmpty()) {
            body.append("\n\nSources:\n").append(String.join("\n", sources));
        }
        return body.toString();
    }
}
