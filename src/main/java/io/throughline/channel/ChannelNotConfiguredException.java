package io.throughline.channel;

/** A send on a channel whose secrets are not configured: the operator has to set them, no retry will help. */
public class ChannelNotConfiguredException extends IllegalStateException {

    public ChannelNotConfiguredException(String channel, String missingSettings) {
        super("the " + channel + " channel is off: set " + missingSettings);
    }
}
