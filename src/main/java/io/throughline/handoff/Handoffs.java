package io.throughline.handoff;

import io.throughline.language.Language;
import io.throughline.answer.Voice;
import io.throughline.conversation.Author;
import io.throughline.conversation.ConversationEvents;
import io.throughline.conversation.Conversations;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bringing in a person: telling the customer, giving the agent the whole context, and the agent's answer back. */
@Service
public class Handoffs {

    private final OutboundMessages outbound;
    private final Messages messages;
    private final Conversations conversations;
    private final Customers customers;
    private final ConversationEvents events;
    private final Voice voice;
    private final ContextAssembler assembler;

    Handoffs(OutboundMessages outbound, Messages messages, Conversations conversations, Customers customers,
             ConversationEvents events, Voice voice, HandoffSettings settings) {
        this.outbound = outbound;
        this.messages = messages;
        this.conversations = conversations;
        this.customers = customers;
        this.events = events;
        this.voice = voice;
        this.assembler = new ContextAssembler(settings);
    }

    /** Records the handoff and the bot's notice to the customer that a person is coming; returns the notice to send. */
    @Transactional
    public Message announce(UUID conversationId, String queue, String reasons) {
        return announce(conversationId, queue, reasons, Language.EN);
    }

    /** The same, the notice in the customer's language. */
    @Transactional
    public Message announce(UUID conversationId, String queue, String reasons, Language language) {
        events.record(conversationId, ConversationEvents.Type.HANDOFF, null, queue + ": " + reasons.replace('\n', ';'));
        return outbound.record(conversationId, Author.BOT, voice.phrase("handoff", language), List.of());
    }

    /**
     * Keeps what the agent decided, before anything is sent: their internal note goes on the conversation's timeline
     * (shown to the next agent, never to the customer).
     */
    @Transactional
    public void agentFinished(UUID conversationId, AgentAnswer answer) {
        if (answer.noted()) {
            events.record(conversationId, ConversationEvents.Type.AGENT_NOTE, null, answer.note());
        }
    }

    /** Records the agent's reply, to be sent on the channel the customer last wrote on. */
    @Transactional
    public Message agentReplied(UUID conversationId, String reply) {
        return outbound.record(conversationId, Author.AGENT, reply.strip(), List.of());
    }

    /** Everything the agent needs on the task, read from the conversation as it stands. */
    public HandoffContext contextFor(Escalation escalation) {
        UUID conversationId = escalation.conversationId();
        var conversation = conversations.find(conversationId).orElseThrow(() ->
                new IllegalStateException("no conversation " + conversationId + " to hand over"));
        Customer customer = customers.find(conversation.customerId()).orElseThrow();
        return assembler.assemble(escalation, customer, customers.identitiesOf(customer.id()),
                messages.transcript(conversationId), events.notes(conversationId));
    }
}
