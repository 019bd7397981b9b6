package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.throughline.conversation.Accepted;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.InboundMessages;
import jakarta.mail.Flags;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox reader on its own against a GreenMail of its own (which offers IDLE): it takes new mail as it comes,
 * survives the server going away, and stops when told. The door it hands mail to is a stand-in here.
 */
class MailboxReaderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MAILBOX = "help@shop.example";

    private final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
    private final InboundMessages inbound = mock(InboundMessages.class);
    private GreenMail mail;
    private MailboxReader reader;

    MailboxReaderTest() {
        when(inbound.accept(any())).thenAnswer(call -> {
            accepted.add(call.getArgument(0));
            return new Accepted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), false);
        });
    }

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void newMailIsTakenWhileIdlingAndMarkedReadAfterwards() throws Exception {
        mail = server(freePort());
        reader = reader(mail.getImap().getPort());
        reader.start();

        GreenMailUtil.sendTextEmail(MAILBOX, "ann@example.net", "Hello", "Do you sell gift cards?", mail.getSmtp().getServerSetup());

        await(() -> accepted.size() == 1);
        assertThat(accepted.get(0).text()).isEqualTo("Do you sell gift cards?");
        assertThat(accepted.get(0).sender().toString()).isEqualTo("email:ann@example.net");
        await(() -> allRead(mail));
    }

    @Test
    void aMailThatCannotBeAcceptedStaysUnreadForTheNextRound() throws Exception {
        when(inbound.accept(any())).thenThrow(new IllegalStateException("the database is away"));
        mail = server(freePort());
        reader = reader(mail.getImap().getPort());
        reader.start();

        GreenMailUtil.sendTextEmail(MAILBOX, "ann@example.net", "Hello", "Do you sell gift cards?", mail.getSmtp().getServerSetup());

        await(() -> mockingDetailsCalls() >= 1);
        assertThat(allRead(mail)).isFalse();
    }

    @Test
    void aServerThatIsDownAtFirstOrGoesAwayIsReadAgainOnceItIsBack() throws Exception {
        int imapPort = freePort();
        int smtpPort = freePort();
        reader = reader(imapPort);
        reader.start();
        await(() -> reader.failedAttempts() >= 1); // nothing listens yet: the reader retries with a growing pause

        mail = server(smtpPort, imapPort);
        GreenMailUtil.sendTextEmail(MAILBOX, "ann@example.net", "Hello", "Are you open on Sundays?", mail.getSmtp().getServerSetup());
        await(() -> accepted.size() == 1);
        assertThat(reader.failedAttempts()).isZero();

        mail.stop(); // the server goes away while the reader idles
        await(() -> reader.failedAttempts() >= 1);
        mail = server(smtpPort, imapPort);
        GreenMailUtil.sendTextEmail(MAILBOX, "ann@example.net", "Hello", "And on holidays?", mail.getSmtp().getServerSetup());

        await(() -> accepted.size() == 2);
        assertThat(accepted.get(1).text()).isEqualTo("And on holidays?");
    }

    @Test
    void stopEndsTheIdleAtOnce() throws Exception {
        mail = server(freePort());
        reader = reader(mail.getImap().getPort());
        reader.start();
        GreenMailUtil.sendTextEmail(MAILBOX, "ann@example.net", "Hello", "Hi", mail.getSmtp().getServerSetup());
        await(() -> accepted.size() == 1); // connected, read, and now idling

        reader.stop();

        assertThat(reader.isRunning()).isFalse();
        assertThat(reader.reading()).as("the reader thread has ended").isFalse();
    }

    private long mockingDetailsCalls() {
        return mockingDetails(inbound).getInvocations().size();
    }

    private MailboxReader reader(int imapPort) {
        // the IDLE is woken every 10 minutes only: stop() must not wait for that
        var settings = new EmailSettings(MAILBOX, new EmailSettings.Imap("127.0.0.1", imapPort, MAILBOX, "secret", "INBOX",
                false), Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new MailboxReader(settings, inbound);
    }

    private static GreenMail server(int imapPort) throws Exception {
        return server(freePort(), imapPort);
    }

    private static GreenMail server(int smtpPort, int imapPort) {
        var server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.setUser(MAILBOX, MAILBOX, "secret");
        server.start();
        return server;
    }

    private static boolean allRead(GreenMail mail) {
        try {
            var inbox = mail.getManagers().getImapHostManager().getInbox(mail.getUserManager().getUserByEmail(MAILBOX));
            return inbox.getMessages().stream().allMatch(m -> m.isSet(Flags.Flag.SEEN));
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
