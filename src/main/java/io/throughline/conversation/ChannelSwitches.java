package io.throughline.conversation;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An answer the rules moved to another channel (billing to authenticated email, a long answer by email): recorded on
 * that channel, with a short note where the customer is, when the customer can be reached there; else on the channel
 * they are on, as any answer.
 */
@Service
public class ChannelSwitches {

    private final OutboundMessages outbound;
    private final Messages messages;
    private final Conversations conversations;

    ChannelSwitches(OutboundMessages outbound, Messages messages, Conversations conversations) {
        this.outbound = outbound;
        this.messages = messages;
        this.conversations = conversations;
    }

    /** The answer, and the note to send where the customer is (the answer itself when it could not move). */
    public record Switched(Message answer, Message note, boolean moved) {}

    @Transactional
    public Switched answerOn(UUID conversationId, String channel, String answer, List<MessageCitation> citations,
                             String note) {
        UUID customerId = conversations.find(conversationId).orElseThrow().customerId();
        String current = messages.latestInboundChannel(conversationId).orElse(null);
        boolean reachable = messages.channelsOfCustomer(customerId).contains(channel);
        if (!reachable || channel.equals(current)) {
            Message here = outbound.record(conversationId, Author.BOT, answer, citations);
            return new Switched(here, here, false);
        }
        Message there = outbound.recordOn(conversationId, channel, Author.BOT, answer, citations);
        return new Switched(there, outbound.record(conversationId, Author.BOT, note, List.of()), true);
    }
}
