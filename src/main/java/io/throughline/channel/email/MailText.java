package io.throughline.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a MIME message says in words: its text/plain body, or its HTML body as text, and the names of its files. */
final class MailText {

    private MailText() {
    }

    /** The first text/plain body part, else the first text/html one as text; never an attached file. */
    static String of(Part message) throws MessagingException, IOException {
        String plain = first(message, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = first(message, "text/html");
        return html == null ? "" : HtmlText.toText(html);
    }

    /** A placeholder per attached file, such as "[attachment: invoice.pdf]", so the transcript shows it came. */
    static List<String> attachments(Part message) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        collectAttachments(message, names);
        return names;
    }

    private static String first(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !isAttachment(part)) {
            return read(part);
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = first(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null; // message/rfc822 included: a forwarded mail's text is not what the customer wrote
    }

    private static void collectAttachments(Part part, List<String> names) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), names);
            }
        } else if (part instanceof BodyPart && isAttachment(part)) {
            String name = part.getFileName();
            names.add(name == null || name.isBlank() ? "[attachment]" : "[attachment: " + name.strip() + "]");
        }
    }

    /** Marked as an attachment. Inline images without that mark are mostly logos in signatures, not news. */
    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static String read(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // a charset this JVM does not know: UTF-8 is the likeliest, and ASCII reads the same in it
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
