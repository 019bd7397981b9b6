package io.throughline.channel.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business's mailbox ({@code throughline.channels.email.*}). SMTP for replies is Spring's {@code spring.mail.*};
 * {@code from-address} is who replies come from. Without the IMAP host and username nothing is read.
 *
 * @param pollInterval how often a server without IMAP IDLE is asked for new mail
 * @param idleWake     how often an IDLE is interrupted to check the connection and re-issue it (servers drop an IDLE
 *                     after 30 minutes; networks drop silent connections sooner)
 */
@ConfigurationProperties("throughline.channels.email")
record EmailSettings(String fromAddress, Imap imap, Duration pollInterval, Duration idleWake) {

    static final String PREFIX = "throughline.channels.email.";

    EmailSettings {
        imap = imap == null ? new Imap(null, null, null, null, null, null) : imap;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        idleWake = idleWake == null ? Duration.ofMinutes(1) : idleWake;
    }

    /**
     * @param ssl IMAP over TLS (imaps, port 993 by default); on unless set to false
     */
    record Imap(String host, Integer port, String username, String password, String folder, Boolean ssl) {

        Imap {
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            ssl = ssl == null || ssl;
        }

        int portOrDefault() {
            return port != null ? port : ssl ? 993 : 143;
        }

        String protocol() {
            return ssl ? "imaps" : "imap";
        }

        @Override
        public String toString() {
            return "Imap[host=" + host + ", port=" + port + ", username=" + Mail.mask(username) + ", folder=" + folder
                    + ", ssl=" + ssl + "]"; // never the password
        }
    }

    /** The IMAP settings still to set; empty when the mailbox can be read. */
    List<String> missingForReading() {
        List<String> missing = new ArrayList<>();
        if (blank(imap.host())) {
            missing.add(PREFIX + "imap.host");
        }
        if (blank(imap.username())) {
            missing.add(PREFIX + "imap.username");
        }
        return missing;
    }

    boolean hasFromAddress() {
        return !blank(fromAddress);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
