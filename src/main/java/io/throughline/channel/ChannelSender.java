package io.throughline.channel;

/** The outgoing half of a channel: puts a recorded reply on the wire. One implementation per channel. */
public interface ChannelSender {

    /** The channel name this sender serves, as messages carry it (webchat, email, whatsapp...). */
    String channel();

    /**
     * Sends the message to the customer. Throws when the provider refuses or cannot be reached, so the journey's send
     * job is retried and, in the end, becomes an incident; throws {@link ChannelNotConfiguredException} when the channel
     * is off.
     *
     * @return the provider's id for the sent message (its delivery reports name it), or null when the channel has none
     */
    String send(OutboundDelivery delivery) throws Exception;
}
