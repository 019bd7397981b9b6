package io.throughline.handoff;

import io.throughline.answer.Voice;
import io.throughline.conversation.Author;
import io.throughline.conversation.ConversationEvents;
import io.throughline.conversation.Conversations;
import io.throughline.conversation.Message;
import io.throughline.conversation.MessageCitation;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bringing in a person: telling the customer, giving the agent the whole context, and the agent's reply back. */
@Service
public class Handoffs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OutboundMessages outbound;
    private final Messages messages;
    private final Conversations conversations;
    private final Customers customers;
    private final ConversationEvents events;
    private final Voice voice;

    Handoffs(OutboundMessages outbound, Messages messages, Conversations conversations, Customers customers,
             ConversationEvents events, Voice voice) {
        this.outbound = outbound;
        this.messages = messages;
        this.conversations = conversations;
        this.customers = customers;
        this.events = events;
        this.voice = voice;
    }

    /** Records the handoff and the bot's notice to the customer that a person is coming; returns the notice to send. */
    @Transactional
    public Message announce(UUID conversationId, String queue, String reasons) {
        events.record(conversationId, ConversationEvents.Type.HANDOFF, null, queue + ": " + reasons.replace('\n', ';'));
        return outbound.record(conversationId, Author.BOT, voice.handoff(), List.of());
    }

    /** Records the agent's reply, to be sent on the customer's channel; a note stays internal, on the timeline only. */
    @Transactional
    public Message agentAnswered(UUID conversationId, String reply, String note) {
        if (note != null && !note.isBlank()) {
            events.record(conversationId, ConversationEvents.Type.AGENT_NOTE, null, note);
        }
        return outbound.record(conversationId, Author.AGENT, reply.strip(), List.of());
    }

    public HandoffContext contextFor(UUID conversationId, String intent, String aiAnswer, List<MessageCitation> sources,
                                     String reasons) {
        var conversation = conversations.find(conversationId).orElseThrow();
        Customer customer = customers.find(conversation.customerId()).orElseThrow();
        return new HandoffContext(describe(customer), transcript(messages.transcript(conversationId)),
                intent.isBlank() ? "(out of scope)" : intent,
                aiAnswer.isBlank() ? "(the bot found no answer it trusted)" : aiAnswer,
                sources.isEmpty() ? "(none)" : sources.stream()
                        .map(s -> s.title() + " — " + s.source() + (s.section() == null ? "" : " § " + s.section()))
                        .collect(Collectors.joining("\n")),
                reasons);
    }

    private static String describe(Customer customer) {
        String name = customer.displayName() == null ? "Unnamed customer" : customer.displayName();
        String identities = customer.identities().stream().map(Handoffs::shown).collect(Collectors.joining(", "));
        String attributes = customer.attributes().isEmpty() ? "no attributes from your systems yet"
                : customer.attributes().toString();
        return name + " (" + customer.id() + ")\nKnown as: " + identities + "\nAttributes: " + attributes;
    }

    /**
     * A web visitor's id is the bearer secret of their chat: whoever has it reads and writes as them. Task variables
     * are stored and kept in history, so the agent sees only that the customer chats on the web.
     */
    private static String shown(Identity identity) {
        return identity.type() == IdentityType.VISITOR ? "web chat visitor" : identity.toString();
    }

    private static String transcript(List<Message> transcript) {
        return transcript.stream()
                .filter(m -> m.visibleAt() != null)
                .map(m -> "[" + TIME.format(m.createdAt()) + " " + m.channel() + "] " + m.author().key() + ": " + m.text())
                .collect(Collectors.joining("\n"));
    }
}
