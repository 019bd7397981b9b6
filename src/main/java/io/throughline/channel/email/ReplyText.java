package io.throughline.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new part of an email reply: what the customer wrote, without the history their mail client quoted below it and
 * without their signature. Handles Gmail's and Apple Mail's "On ... wrote:", Outlook's "-----Original Message-----" and
 * "From: ... Sent: ..." header blocks, quoted lines starting with '>', the "-- " signature delimiter and the mobile
 * "Sent from my iPhone" lines. Nothing on Maven Central does this (the Java ports of GitHub's email_reply_parser are
 * on JitPack only), hence this small class.
 */
final class ReplyText {

    private static final Pattern ATTRIBUTION = Pattern.compile("^(On|Am|Le|El|Il|Op|Em|Den|W dniu)\\s.*"
            + "(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał)"
            + "(\\s+([^:<]*<[^>]+>|\\S+@\\S+))?\\s*:\\s*$", // German puts the sender after the verb
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(On|Am|Le|El|Il|Op|Em|Den|W dniu)\\s.*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)"
                    + "\\s*-{2,}$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De|Van|Da)\\s*:\\*?\\s*\\S.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Inviato)\\s*:\\*?\\s*\\S.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("^(Sent from my \\S.*|Sent from (Mail|Outlook|Yahoo"
            + " Mail|Gmail|Samsung)\\b.*|Get Outlook for \\S.*|Sent with Proton Mail.*|Von meinem \\S.* gesendet)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^[_\\-=*]{3,}$");

    private ReplyText() {
    }

    /** The reply without quoted history and signature; the whole text, stripped, when nothing would be left. */
    static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (startsHistory(lines, i) || startsSignature(lines[i])) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!lines[i].stripLeading().startsWith(">")) { // quoted lines, also between the parts of an inline reply
                kept.add(lines[i].stripTrailing());
            }
        }
        while (!kept.isEmpty() && (kept.get(kept.size() - 1).isBlank()
                || SEPARATOR.matcher(kept.get(kept.size() - 1).strip()).matches())) {
            kept.remove(kept.size() - 1);
        }
        String reply = String.join("\n", kept).strip();
        return reply.isEmpty() ? text.strip() : reply;
    }

    private static boolean startsHistory(String[] lines, int i) {
        String line = lines[i].strip();
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (ATTRIBUTION_START.matcher(line).matches()) {
            // clients wrap a long "On <date>, <name> <address> wrote:" over two or three lines
            StringBuilder joined = new StringBuilder(line);
            for (int next = i; next < Math.min(i + 3, lines.length); next++) {
                if (next > i) {
                    joined.append(' ').append(lines[next].strip());
                }
                if (ATTRIBUTION.matcher(joined).matches()) {
                    return true;
                }
            }
        }
        if (HEADER_FROM.matcher(line).matches()) {
            // Outlook's header block: From:, then Sent: (or Date:) within the next few lines
            for (int next = i + 1; next < Math.min(i + 5, lines.length); next++) {
                if (HEADER_SENT.matcher(lines[next].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsSignature(String line) {
        return line.equals("-- ") || line.equals("--") || MOBILE_SIGNATURE.matcher(line.strip()).matches();
    }
}
