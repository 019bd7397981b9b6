package io.throughline.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.customer.Consents;
import io.throughline.customer.Customers;
import io.throughline.customer.MergeParticipant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conversation module put together by hand, without Spring, for tests of the modules that build on it. */
public final class ConversationModule {

    public final Conversations conversations;
    public final Messages messages;
    public final InboundMessages inbound;
    public final OutboundMessages outbound;
    public final Resolutions resolutions;
    public final MergeParticipant merging;

    public ConversationModule(JdbcClient jdbc, Customers customers, Consents consents, ApplicationEventPublisher publisher) {
        conversations = new Conversations(jdbc);
        messages = new Messages(jdbc, new ObjectMapper());
        ConversationEvents events = new ConversationEvents(jdbc);
        inbound = new InboundMessages(customers, conversations, messages, events, publisher, consents);
        outbound = new OutboundMessages(conversations, messages, events, publisher,
                new Reachability(messages, consents));
        resolutions = new Resolutions(conversations, messages, events);
        merging = new ConversationMerging(jdbc, conversations, publisher);
    }
}
