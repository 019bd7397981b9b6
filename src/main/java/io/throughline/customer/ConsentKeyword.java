package io.throughline.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's standard opt-out and opt-in keywords, which carriers and customers expect on every messaging channel: a
 * message that is one of them, alone (any case, surrounding blanks and a final full stop or exclamation mark aside),
 * changes consent. "Please stop sending me offers" is a message like any other.
 */
public enum ConsentKeyword {
    STOP(true), STOPALL(true), UNSUBSCRIBE(true), CANCEL(true), END(true), QUIT(true),
    START(false), UNSTOP(false);

    private static final Set<String> NAMES = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START",
            "UNSTOP");

    private final boolean optsOut;

    ConsentKeyword(boolean optsOut) {
        this.optsOut = optsOut;
    }

    public boolean optsOut() {
        return optsOut;
    }

    /** The keyword the whole message is, if it is one. */
    public static Optional<ConsentKeyword> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().replaceAll("[.!]+$", "").strip().toUpperCase(Locale.ROOT);
        return NAMES.contains(word) ? Optional.of(valueOf(word)) : Optional.empty();
    }
}
