package io.throughline.channel.email;

import io.throughline.conversation.InboundMessages;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the business's mailbox on a thread of its own: every unread mail is accepted as a customer message and then
 * marked read. It waits for new mail with IMAP IDLE when the server offers it (woken regularly, and at once on stop),
 * else it polls. A server that is down or drops the connection is retried with a growing pause.
 */
@Component
class MailboxReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    private final EmailSettings settings;
    private final EmailSettings.Imap imap;
    private final InboundMessages inbound;
    private final IncomingMail incoming;
    private final Object pause = new Object();

    private volatile boolean running;
    private volatile int failures;
    private volatile IMAPFolder folder;
    private volatile Store store;
    private Thread reader;
    private ScheduledExecutorService wakeUps;

    MailboxReader(EmailSettings settings, InboundMessages inbound) {
        this.settings = settings;
        this.imap = settings.imap();
        this.inbound = inbound;
        this.incoming = new IncomingMail(Arrays.asList(settings.fromAddress(), imap.username()));
    }

    @Override
    public void start() {
        if (!settings.missingForReading().isEmpty()) {
            log.info("the email channel reads no mailbox: set {}", String.join(" and ", settings.missingForReading()));
            return;
        }
        running = true;
        wakeUps = Executors.newSingleThreadScheduledExecutor(daemon("email-imap-wake"));
        reader = daemon("email-imap").newThread(this::readWhileRunning);
        reader.start();
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        wakeUps.execute(this::wake); // ends an IDLE; on a dead connection this waits, so not on this thread
        try {
            reader.join(STOP_PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            log.info("the mailbox reader did not finish within {} s; closing its connection", STOP_PATIENCE.toSeconds());
            reader.interrupt();
            Store stuck = store;
            daemon("email-imap-close").newThread(() -> closeQuietly(stuck)).start();
        }
        wakeUps.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Failed attempts to reach the mailbox since it was last read; 0 while all is well. */
    int failedAttempts() {
        return failures;
    }

    /** Whether the reader's thread is alive: after stop() it is not. */
    boolean reading() {
        return reader != null && reader.isAlive();
    }

    private void readWhileRunning() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                connect();
                if (failures > 0) {
                    log.info("reading the mailbox on {}:{} again after {} failed attempt(s)", imap.host(),
                            imap.portOrDefault(), failures);
                }
                failures = 0;
                retry = FIRST_RETRY;
                readUntilStoppedOrDisconnected();
            } catch (AuthenticationFailedException refused) {
                failures++;
                log.warn("the IMAP server {}:{} refused the login of {} ({}): check {}imap.username and imap.password; "
                        + "trying again in {} s", imap.host(), imap.portOrDefault(), Mail.mask(imap.username()),
                        refused.getMessage(), EmailSettings.PREFIX, retry.toSeconds());
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                log.warn("cannot read the mailbox on {}:{} ({}: {}); trying again in {} s", imap.host(),
                        imap.portOrDefault(), e.getClass().getSimpleName(), e.getMessage(), retry.toSeconds());
            } finally {
                closeQuietly(store);
            }
            if (running) {
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
        log.debug("the mailbox reader stopped");
    }

    private void connect() throws MessagingException {
        String protocol = imap.protocol();
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        // fetch with BODY.PEEK: reading a mail must not mark it read; only a mail accepted is marked (see take)
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "20000");
        // the read timeout outlasts the quiet time of an IDLE between two wake-ups, and ends a dead connection's wait
        long readTimeout = Math.max(settings.idleWake().multipliedBy(3).toMillis(), 60_000);
        properties.put("mail." + protocol + ".timeout", String.valueOf(readTimeout));
        Session session = Session.getInstance(properties);
        Store connected = session.getStore(protocol);
        store = connected;
        connected.connect(imap.host(), imap.portOrDefault(), imap.username(), imap.password());
        IMAPFolder opened = (IMAPFolder) connected.getFolder(imap.folder());
        opened.open(Folder.READ_WRITE);
        folder = opened;
    }

    private void readUntilStoppedOrDisconnected() throws MessagingException {
        IMAPFolder open = folder;
        boolean idle = ((IMAPStore) store).hasCapability("IDLE");
        log.info("reading mailbox {} {} on {}:{} {}", Mail.mask(imap.username()), imap.folder(), imap.host(),
                imap.portOrDefault(), idle ? "with IMAP IDLE"
                        : "every " + settings.pollInterval().toSeconds() + " s (the server has no IDLE)");
        ScheduledFuture<?> waking = idle ? wakeUps.scheduleWithFixedDelay(this::wake, settings.idleWake().toMillis(),
                settings.idleWake().toMillis(), TimeUnit.MILLISECONDS) : null;
        try {
            while (running) {
                int known = open.getMessageCount();
                readUnread(open);
                if (!running) {
                    break;
                }
                if (open.getMessageCount() != known) {
                    continue; // mail came while we read (the server said so in a response): read before waiting
                }
                if (idle) {
                    open.idle(true); // returns on the server's first news, or when wake() interrupts it
                } else {
                    sleep(settings.pollInterval());
                }
                if (!open.isOpen()) {
                    throw new MessagingException("the server closed the folder");
                }
            }
        } finally {
            if (waking != null) {
                waking.cancel(false);
            }
        }
    }

    private void readUnread(IMAPFolder open) throws MessagingException {
        Message[] unread = open.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message message : unread) {
            if (!running) {
                return;
            }
            if (!message.isExpunged()) {
                take((MimeMessage) message, open);
            }
        }
    }

    private void take(MimeMessage message, IMAPFolder open) throws MessagingException {
        IncomingMail.Reading reading;
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            byte[] bytes = raw.toByteArray();
            reading = incoming.read(new MimeMessage(null, new ByteArrayInputStream(bytes)), bytes);
        } catch (MessageRemovedException gone) {
            return; // deleted by someone else meanwhile: nothing left to read
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            if (!open.isOpen()) {
                throw new MessagingException("the connection was lost while reading a mail", unreadable);
            }
            log.warn("cannot read mail #{} in {} ({}); it is left in the mailbox, marked read", message.getMessageNumber(),
                    imap.folder(), unreadable.toString());
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        if (reading.skipped() != null) {
            log.info("not taking mail {} as a customer message: {}", reading.providerMessageId(), reading.skipped());
        } else {
            try {
                if (inbound.accept(reading.message()).duplicate()) {
                    log.info("mail {} was taken before (read again); nothing new", reading.providerMessageId());
                }
            } catch (RuntimeException e) {
                log.error("could not accept mail {}; it stays unread and is tried again", reading.providerMessageId(), e);
                return;
            }
        }
        // Accepted first, marked read second: after a crash between the two the mail is read again, and accept's
        // dedupe on its Message-ID makes that harmless. The other order would lose the mail.
        try {
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessageRemovedException gone) {
            log.debug("mail {} was deleted before it could be marked read", reading.providerMessageId());
        }
    }

    /** Interrupts an IDLE: any command on the folder from another thread ends it (here a NOOP). */
    private void wake() {
        IMAPFolder open = folder;
        if (open == null || !open.isOpen()) {
            return;
        }
        try {
            open.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.debug("waking the mailbox reader failed; its own read will notice: {}", e.toString());
        }
    }

    private void sleep(Duration duration) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(Math.max(duration.toMillis(), 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private static void closeQuietly(Store store) {
        if (store != null && store.isConnected()) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("closing the IMAP connection: {}", e.toString());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
