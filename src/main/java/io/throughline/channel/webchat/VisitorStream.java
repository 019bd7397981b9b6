package io.throughline.channel.webchat;

import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One visitor's open stream. It remembers what it has sent, and each catch-up sends whatever the visitor can see and
 * has not been sent yet: the open conversation on a fresh connection, or what became visible after the last event.
 */
final class VisitorStream {

    private final String visitorId;
    private final String visitorHash;
    private final SseEmitter emitter;
    private final StreamEvents events;
    private final Messages messages;
    private final Set<UUID> sent = new HashSet<>();
    private volatile UUID customerId;
    private OffsetDateTime resumeAfter;
    private Message lastSeen;

    VisitorStream(String visitorId, SseEmitter emitter, StreamEvents events, Messages messages) {
        this.visitorId = visitorId;
        this.visitorHash = PeerNotice.hash(visitorId);
        this.emitter = emitter;
        this.events = events;
        this.messages = messages;
    }

    String visitorId() {
        return visitorId;
    }

    /** What other nodes' notices name this visitor by. */
    String visitorHash() {
        return visitorHash;
    }

    UUID customerId() {
        return customerId;
    }

    void knownAs(UUID customerId) {
        this.customerId = customerId;
    }

    /** Continues after the message the visitor saw last (their Last-Event-ID): only what became visible after it. */
    synchronized void resumeAfter(Message lastSeen) {
        this.resumeAfter = lastSeen.visibleAt();
        this.lastSeen = lastSeen;
        sent.add(lastSeen.id());
    }

    synchronized void catchUp() {
        if (customerId == null) {
            return;
        }
        List<Message> visible = resumeAfter == null
                ? messages.visibleInOpenConversation(customerId)
                : messages.visibleToCustomerSince(customerId, resumeAfter);
        for (Message message : visible) {
            if (!resumedPast(message) && sent.add(message.id()) && !send(events.of(message))) {
                return;
            }
        }
        if (resumeAfter == null && !visible.isEmpty()) {
            // from now on read by time, so a new conversation after this one's resolution still reaches the visitor
            resumeAfter = visible.get(0).visibleAt();
        }
    }

    /** Messages that became visible in the same instant as the last one seen, but before it, were seen too. */
    private boolean resumedPast(Message message) {
        return lastSeen != null && message.visibleAt().isEqual(lastSeen.visibleAt()) && message.seq() < lastSeen.seq();
    }

    synchronized void opened() {
        send(SseEmitter.event().comment("stream open").reconnectTime(3_000));
    }

    synchronized boolean heartbeat() {
        return send(SseEmitter.event().comment("keep-alive"));
    }

    void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyGone) {
            // the visitor's connection ended first: nothing left to close
        }
    }

    private boolean send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            return false;
        }
    }
}
