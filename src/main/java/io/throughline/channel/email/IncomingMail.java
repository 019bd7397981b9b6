package io.throughline.channel.email;

import io.throughline.conversation.InboundMessage;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a mail in the business's mailbox becomes: a customer message, or the reason it is none. Mail from our own
 * address (a reply of ours coming back) and automatic mail (vacation replies, bounces, bulk) is not a customer talking,
 * and answering it would start a loop between two robots.
 */
final class IncomingMail {

    static final int MAX_TEXT_LENGTH = 20_000;
    private static final int MAX_PROVIDER_ID_LENGTH = 300;
    private static final int MAX_REFERENCES_LENGTH = 2_000;
    private static final int MAX_SUBJECT_LENGTH = 300;
    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");

    /** Either a message to accept, or why the mail was left alone. */
    record Reading(String providerMessageId, InboundMessage message, String skipped) {

        static Reading skipped(String providerMessageId, String why) {
            return new Reading(providerMessageId, null, why);
        }
    }

    private final Set<String> ownAddresses;

    /** @param ownAddresses the business's own addresses (null entries ignored): mail from them is an echo */
    IncomingMail(Collection<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream().filter(a -> a != null && !a.isBlank())
                .map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads a mail; {@code raw} are its bytes as the server keeps them, the dedupe key when it has no Message-ID. */
    Reading read(MimeMessage mail, byte[] raw) throws MessagingException, IOException {
        String messageId = oneLine(mail.getHeader("Message-ID", " "));
        String providerId = providerId(messageId, raw);
        InternetAddress from = from(mail);
        if (from == null) {
            return Reading.skipped(providerId, "it has no usable From address");
        }
        String address = from.getAddress().strip();
        if (ownAddresses.contains(address.toLowerCase(Locale.ROOT))) {
            return Reading.skipped(providerId, "it comes from our own address (one of our replies coming back)");
        }
        String automatic = automatic(mail, address);
        if (automatic != null) {
            return Reading.skipped(providerId, automatic);
        }
        String subject = mail.getSubject();
        String text = text(mail, subject);
        String personal = from.getPersonal();
        String name = personal == null || personal.isBlank() ? null : cut(personal.strip(), 200);
        return new Reading(providerId, new InboundMessage(Mail.CHANNEL, providerId,
                new Identity(IdentityType.EMAIL, address), name, text, replyContext(mail, messageId, subject, address)),
                null);
    }

    /** Where a reply must go to continue the thread, and what the receiving server found about the sender. */
    private static Map<String, String> replyContext(MimeMessage mail, String messageId, String subject, String address)
            throws MessagingException {
        Map<String, String> context = new LinkedHashMap<>();
        if (messageId != null && messageId.length() <= MAX_PROVIDER_ID_LENGTH) {
            context.put("messageId", messageId);
        }
        // the thread so far: References, or for clients that send only In-Reply-To, that one id (RFC 5322 3.6.4)
        String references = oneLine(mail.getHeader("References", " "));
        if (references == null) {
            references = oneLine(mail.getHeader("In-Reply-To", " "));
        }
        if (references != null) {
            context.put("references", shortenReferences(references));
        }
        if (subject != null && !subject.isBlank()) {
            context.put("subject", cut(oneLine(subject), MAX_SUBJECT_LENGTH));
        }
        context.put("from", address);
        context.putAll(AuthenticationResults.of(mail.getHeader("Authentication-Results")));
        return context;
    }

    private static String text(MimeMessage mail, String subject) throws MessagingException, IOException {
        String text = ReplyText.strip(MailText.of(mail));
        List<String> attachments = MailText.attachments(mail);
        if (text.isBlank()) {
            text = subject == null || subject.isBlank() ? "" : oneLine(subject); // "Where is my order?" and no body
        }
        if (!attachments.isEmpty()) {
            text = (text + "\n" + String.join(" ", attachments)).strip();
        }
        if (text.isBlank()) {
            return "[empty email]";
        }
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) + " [… cut]" : text;
    }

    /** Why the mail was written by a machine (RFC 3834 Auto-Submitted, Precedence, bounces), or null. */
    private static String automatic(MimeMessage mail, String address) throws MessagingException {
        String autoSubmitted = oneLine(mail.getHeader("Auto-Submitted", ";"));
        if (autoSubmitted != null) {
            String kind = autoSubmitted.split(";")[0].strip();
            if (!kind.equalsIgnoreCase("no")) {
                return "it was sent automatically (Auto-Submitted: " + kind + ")";
            }
        }
        String precedence = oneLine(mail.getHeader("Precedence", ","));
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
            return "it was sent automatically (Precedence: " + precedence + ")";
        }
        if (mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null) {
            return "it is an automatic reply (X-Autoreply)";
        }
        if (mail.isMimeType("multipart/report")) {
            return "it is a delivery report";
        }
        String mailbox = address.substring(0, Math.max(address.indexOf('@'), 0)).toLowerCase(Locale.ROOT);
        if (mailbox.equals("mailer-daemon") || mailbox.equals("postmaster")) {
            return "it is a bounce from " + mailbox;
        }
        return null;
    }

    private static InternetAddress from(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null && address.getAddress().contains("@")
                    && address.getAddress().length() <= 320) {
                return address;
            }
        } catch (MessagingException unparseable) {
            // a From header that is not an address: the same as none
        }
        return null;
    }

    /** The Message-ID; a hash of the whole mail when it has none, or of the id when it is absurdly long. */
    private static String providerId(String messageId, byte[] raw) {
        if (messageId == null) {
            return "sha256:" + sha256(raw);
        }
        return messageId.length() <= MAX_PROVIDER_ID_LENGTH ? messageId
                : "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8));
    }

    /** The first id (the thread's root) and as many of the latest as fit, as RFC 5322 suggests for trimming. */
    private static String shortenReferences(String references) {
        if (references.length() <= MAX_REFERENCES_LENGTH) {
            return references;
        }
        String[] ids = references.split(" ");
        StringBuilder tail = new StringBuilder();
        for (int i = ids.length - 1; i > 0; i--) {
            if (ids[0].length() + tail.length() + ids[i].length() + 2 > MAX_REFERENCES_LENGTH) {
                break;
            }
            tail.insert(0, " " + ids[i]);
        }
        return ids[0] + tail;
    }

    private static String oneLine(String header) {
        if (header == null) {
            return null;
        }
        String line = header.replaceAll("\\s+", " ").strip();
        return line.isEmpty() ? null : line;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
