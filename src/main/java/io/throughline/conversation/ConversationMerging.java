package io.throughline.conversation;

import io.throughline.customer.MergeMove;
import io.throughline.customer.MergeParticipant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the absorbed customer's conversations to the survivor when two customers merge. A customer has one open
 * conversation: when both had one, the older stays open and takes the newer one's messages (they keep their place in
 * time, so the transcript reads as one), and the newer is closed as "merged", pointing at the older. A journey still
 * running on the closed one is left to go quiet and end on its own; whatever it still replies lands in the open one
 * (see {@link OutboundMessages#record}).
 */
@Component
class ConversationMerging implements MergeParticipant {

    static final String CONVERSATION = "conversation";
    static final String MESSAGE = "message";
    static final String CLOSED = "conversation-closed";
    static final String MERGED = "merged";

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final ApplicationEventPublisher publisher;

    ConversationMerging(JdbcClient jdbc, Conversations conversations, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.publisher = publisher;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CONVERSATION, MESSAGE, CLOSED);
    }

    @Override
    public List<MergeMove> merge(UUID survivor, UUID absorbed) {
        List<MergeMove> moves = new ArrayList<>();
        Optional<Conversation> survivorsOpen = conversations.lockOpenFor(survivor);
        Optional<Conversation> absorbedsOpen = conversations.lockOpenFor(absorbed);
        UUID stillOpen = null;
        if (survivorsOpen.isPresent() && absorbedsOpen.isPresent()) {
            Conversation older = older(survivorsOpen.get(), absorbedsOpen.get());
            Conversation newer = older == survivorsOpen.get() ? absorbedsOpen.get() : survivorsOpen.get();
            List<UUID> messages = jdbc.sql("select id from messages where conversation_id = ? order by seq")
                    .param(newer.id()).query(UUID.class).list();
            jdbc.sql("update messages set conversation_id = ? where conversation_id = ?").params(older.id(), newer.id()).update();
            messages.forEach(id -> moves.add(new MergeMove(MESSAGE, id.toString(), newer.id().toString())));
            jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = ?, resolution = ?, merged_into = ? where id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC), MERGED, older.id(), newer.id()).update();
            moves.add(new MergeMove(CLOSED, newer.id().toString(), older.id().toString()));
            stillOpen = older.id();
        }
        for (Conversation conversation : conversations.ofCustomer(absorbed)) {
            jdbc.sql("update conversations set customer_id = ? where id = ?").params(survivor, conversation.id()).update();
            moves.add(new MergeMove(CONVERSATION, conversation.id().toString(), null));
        }
        if (stillOpen != null && hasUnread(stillOpen)) {
            publisher.publishEvent(new UnreadMessagesMoved(survivor, stillOpen));
        }
        return moves;
    }

    @Override
    public void undo(UUID survivor, UUID absorbed, List<MergeMove> moves) {
        List<MergeMove> backwards = new ArrayList<>(moves);
        Collections.reverse(backwards);
        List<UUID> reopened = new ArrayList<>();
        for (MergeMove move : backwards) {
            UUID item = UUID.fromString(move.item());
            switch (move.kind()) {
                case CONVERSATION -> jdbc.sql("update conversations set customer_id = ? where id = ? and customer_id = ?")
                        .params(absorbed, item, survivor).update();
                case CLOSED -> {
                    if (reopen(item)) {
                        reopened.add(item);
                    }
                }
                case MESSAGE -> jdbc.sql("update messages set conversation_id = ? where id = ?")
                        .params(UUID.fromString(move.detail()), item).update();
                default -> throw new IllegalArgumentException("not a conversation move: " + move.kind());
            }
        }
        reopened.stream().filter(this::hasUnread).forEach(id ->
                publisher.publishEvent(new UnreadMessagesMoved(conversations.find(id).orElseThrow().customerId(), id)));
    }

    /**
     * Opens the conversation a merge closed, unless its customer has opened another since (one open conversation per
     * customer); either way it no longer passes replies on.
     */
    private boolean reopen(UUID conversationId) {
        UUID customer = conversations.find(conversationId).orElseThrow().customerId();
        if (conversations.lockOpenFor(customer).isPresent()) {
            jdbc.sql("update conversations set merged_into = null where id = ?").param(conversationId).update();
            return false;
        }
        jdbc.sql("update conversations set status = 'OPEN', resolved_at = null, resolution = null, merged_into = null "
                + "where id = ?").param(conversationId).update();
        return true;
    }

    private boolean hasUnread(UUID conversationId) {
        return jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'IN' and handled = false")
                .param(conversationId).query(Integer.class).single() > 0;
    }

    private static Conversation older(Conversation one, Conversation other) {
        int byTime = one.openedAt().compareTo(other.openedAt());
        return byTime < 0 || byTime == 0 && one.id().compareTo(other.id()) < 0 ? one : other;
    }
}
