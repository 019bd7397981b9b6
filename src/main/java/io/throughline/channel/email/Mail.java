package io.throughline.channel.email;

/** The email channel's names. */
final class Mail {

    static final String CHANNEL = "email";

    private Mail() {
    }

    /** An address fit for a log line: the first letter of the mailbox and the domain, as in a******@example.com. */
    static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        return at < 1 ? "***" : address.charAt(0) + "******" + address.substring(at);
    }

    /** The domain of an address; our Message-IDs end in it. */
    static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "localhost" : address.substring(at + 1).strip();
    }
}
