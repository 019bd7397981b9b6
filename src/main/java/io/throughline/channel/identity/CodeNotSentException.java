package io.throughline.channel.identity;

/** No code went out: no channel reaches the address ({@code configuration}), or the provider refused or failed. */
public class CodeNotSentException extends RuntimeException {

    private final boolean configuration;

    CodeNotSentException(String message, boolean configuration, Throwable cause) {
        super(message, cause);
        this.configuration = configuration;
    }

    /** True when the operator has to configure a channel; false when trying again later may work. */
    public boolean configuration() {
        return configuration;
    }
}
