package io.throughline.conversation.web;

import io.throughline.conversation.AgentNote;
import io.throughline.conversation.Conversation;
import io.throughline.conversation.ConversationEvents;
import io.throughline.conversation.Conversations;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A conversation's whole transcript, every channel, in order, and beside it the agents' internal notes: those were never
 * sent, so they are not among the messages. Login required.
 */
@RestController
class ConversationController {

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationEvents events;

    ConversationController(Conversations conversations, Messages messages, ConversationEvents events) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
    }

    record ConversationView(UUID id, UUID customerId, String status, String openedAt, String resolvedAt,
                            String resolution, List<Message> messages, List<AgentNote> notes) {}

    @GetMapping("/api/conversations/{id}")
    ConversationView conversation(@PathVariable UUID id) {
        Conversation conversation = conversations.find(id).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "no conversation " + id, "id"));
        return new ConversationView(conversation.id(), conversation.customerId(), conversation.status().name(),
                String.valueOf(conversation.openedAt()),
                conversation.resolvedAt() == null ? null : conversation.resolvedAt().toString(),
                conversation.resolution(), messages.transcript(id), events.notes(id));
    }
}
