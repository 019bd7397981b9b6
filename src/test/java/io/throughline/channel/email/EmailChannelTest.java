package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email through real SMTP and IMAP (GreenMail): a customer mails the support mailbox, the mailbox reader takes it in,
 * the journey answers, and the reply lands in the customer's own mailbox in the same thread.
 */
class EmailChannelTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailedQuestionIsAnsweredInItsThreadAndTheCustomersReplyContinuesTheConversation() throws Exception {
        String customer = customer();
        String question = "<q1-" + UUID.randomUUID() + "@example.net>";
        int received = MAIL.getReceivedMessages().length;

        sendAsCustomer(customer, question, "Shipping question", null, null, """
                How long does shipping take?

                --\u0020
                Ann Customer
                Example Inc.
                """);

        assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), received + 2)).as("the question and its answer").isTrue();
        MimeMessage answer = awaitMail(customer, question);
        assertThat(answer.getSubject()).isEqualTo("Re: Shipping question");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(question);
        assertThat(answer.getHeader("References", null)).isEqualTo(question);
        assertThat(answer.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(SUPPORT_MAILBOX);
        assertThat(answer.getContent().toString().replace("\r\n", "\n")).containsIgnoringCase("business days")
                .contains("\n\nSources:\n- Shipping and Delivery (shipping.md)");
        var row = inbound(question).orElseThrow();
        assertThat(row).containsEntry("TEXT", "How long does shipping take?").containsEntry("SENDER_IDENTITY", "email:" + customer);
        UUID conversation = (UUID) row.get("CONVERSATION_ID");
        // the mail can be in the mailbox a moment before the send job commits the reply as sent
        var reply = await(() -> jdbc.sql("select id, provider_message_id, delivery_status from messages where "
                + "conversation_id = ? and direction = 'OUT' and delivery_status = 'SENT'").param(conversation)
                .query().listOfRows().stream().findFirst()).orElseThrow();
        assertThat(answer.getMessageID()).as("our Message-ID comes from the reply's id")
                .isEqualTo("<" + reply.get("ID") + "@larkspur.example>").isEqualTo(reply.get("PROVIDER_MESSAGE_ID"));
        assertThat(reply.get("DELIVERY_STATUS")).isEqualTo("SENT");

        String followUp = "<q2-" + UUID.randomUUID() + "@example.net>";
        sendAsCustomer(customer, followUp, "Re: Shipping question", answer.getMessageID(), question + " " + answer.getMessageID(),
                "Thanks! And do you ship to Canada?\n\nOn Tue, Mar 4, 2025 at 10:12 AM Larkspur Support <"
                        + SUPPORT_MAILBOX + "> wrote:\n\n" + quote(answer.getContent().toString()));

        var continued = await(() -> inbound(followUp)).orElseThrow();
        assertThat(continued.get("CONVERSATION_ID")).as("the same conversation").isEqualTo(conversation);
        assertThat(continued.get("TEXT")).as("quoted history stripped").isEqualTo("Thanks! And do you ship to Canada?");
        MimeMessage second = awaitMail(customer, followUp);
        assertThat(second.getSubject()).as("no Re: Re:").isEqualTo("Re: Shipping question");
        assertThat(second.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo(question + " " + answer.getMessageID() + " " + followUp);
    }

    @Test
    void theSameMailReadTwiceIsOneMessage() throws Exception {
        String customer = customer();
        String id = "<twice-" + UUID.randomUUID() + "@example.net>";
        sendAsCustomer(customer, id, "Returns", null, null, "Can I return a plant after 30 days?");
        await(() -> inbound(id)).orElseThrow();
        awaitRead(id, 1);

        try (Store store = supportMailbox()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message original = find(inbox, id).get(0);
            inbox.appendMessages(new Message[] {new MimeMessage((MimeMessage) original)}); // delivered a second time
            original.setFlag(Flags.Flag.SEEN, false); // and the first copy unread again
            inbox.close(false);
        }

        awaitRead(id, 2);
        assertThat(jdbc.sql("select count(*) from messages where channel = 'email' and provider_message_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void autoRepliesAndOurOwnMailAreNotCustomerMessages() throws Exception {
        String customer = customer();
        String vacation = "<away-" + UUID.randomUUID() + "@example.net>";
        String echo = "<echo-" + UUID.randomUUID() + "@larkspur.example>";
        MimeMessage away = mail(customer, vacation, "Out of office: Shipping question", "I am away until Monday.");
        away.setHeader("Auto-Submitted", "auto-replied");
        Transport.send(away);
        Transport.send(mail(SUPPORT_MAILBOX, echo, "Re: Shipping question", "Orders ship within 2 business days."));

        awaitRead(vacation, 1);
        awaitRead(echo, 1);
        assertThat(inbound(vacation)).isEmpty();
        assertThat(inbound(echo)).isEmpty();
    }

    // --- the customer's side -------------------------------------------------------------------------------------

    private void sendAsCustomer(String from, String messageId, String subject, String inReplyTo, String references,
                                String text) throws Exception {
        MimeMessage mail = mail(from, messageId, subject, text);
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
            mail.setHeader("References", references);
        }
        Transport.send(mail);
    }

    /** A mail from a customer's client to the support mailbox, through GreenMail's SMTP. */
    private static MimeMessage mail(String from, String messageId, String subject, String text) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId); // the client's own Message-ID, kept through saveChanges
            }
        };
        mail.setFrom(new InternetAddress(from, "Ann Customer"));
        mail.setRecipients(Message.RecipientType.TO, SUPPORT_MAILBOX);
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.setSentDate(new java.util.Date());
        return mail;
    }

    /** The reply in the customer's own mailbox that answers the given mail. */
    private MimeMessage awaitMail(String customer, String inReplyTo) throws Exception {
        return await(() -> MAIL.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(customer), mail -> {
            try {
                return inReplyTo.equals(mail.getHeader("In-Reply-To", null));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst()).orElseThrow(() -> new AssertionError("no reply to " + inReplyTo + " reached " + customer));
    }

    private static String quote(String text) {
        return Arrays.stream(text.split("\r?\n")).map(line -> "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    // --- the support mailbox and the application's rows ----------------------------------------------------------

    private Optional<Map<String, Object>> inbound(String messageId) {
        return jdbc.sql("select conversation_id, text, sender_identity from messages where channel = 'email' "
                + "and provider_message_id = ? and direction = 'IN'").param(messageId).query().listOfRows().stream().findFirst();
    }

    /** Waits until {@code copies} mails with this Message-ID sit in the support mailbox, all marked read by the reader. */
    private void awaitRead(String messageId, int copies) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try (Store store = supportMailbox()) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Message> found = find(inbox, messageId);
                boolean allRead = found.size() == copies;
                for (Message message : found) {
                    allRead &= message.isSet(Flags.Flag.SEEN);
                }
                inbox.close(false);
                if (allRead) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(copies + " read cop(ies) of " + messageId + " expected in the support mailbox");
    }

    private static List<Message> find(Folder inbox, String messageId) throws Exception {
        return Arrays.stream(inbox.getMessages()).filter(m -> {
            try {
                return messageId.equals(((MimeMessage) m).getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static Store supportMailbox() throws Exception {
        Properties imap = new Properties();
        imap.put("mail.imap.peek", "true");
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), SUPPORT_MAILBOX, SUPPORT_MAILBOX_PASSWORD);
        return store;
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = what.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String customer() {
        return "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }
}
