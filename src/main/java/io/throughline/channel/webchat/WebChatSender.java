package io.throughline.channel.webchat;

import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import org.springframework.stereotype.Component;

/**
 * Web chat has no provider to call: a reply reaches the visitor through their event stream as soon as it is marked
 * sent, which the outbox does once this returns.
 */
@Component
class WebChatSender implements ChannelSender {

    @Override
    public String channel() {
        return WebChat.CHANNEL;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        return null;
    }
}
