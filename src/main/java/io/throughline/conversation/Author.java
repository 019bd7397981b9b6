package io.throughline.conversation;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a message. Serialised in lower case, as the web-chat stream shows it. */
public enum Author {
    CUSTOMER, BOT, AGENT, SYSTEM;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }
}
