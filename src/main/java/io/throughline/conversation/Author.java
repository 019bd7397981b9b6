package io.throughline.conversation;

/** Who wrote a message. Serialised in lower case, as the web-chat stream shows it. */
public enum Author {
    CUSTOMER, BOT, AGENT, SYSTEM;

    public String key() {
        return name().toLowerCase();
    }
}
