package io.throughline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.throughline.customer.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of all conversations, in transcript order. */
@Repository
public class Messages {

    private static final TypeReference<List<MessageCitation>> CITATIONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> CONTEXT = new TypeReference<>() {};
    private static final String COLUMNS = "select m.id, m.seq, m.conversation_id, m.direction, m.author, m.channel, "
            + "m.provider_message_id, m.text, m.citations, m.delivery_status, m.created_at, m.visible_at from messages m ";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<Message> rows = this::map;

    Messages(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Message append(UUID conversationId, Direction direction, Author author, String channel, String providerMessageId,
                   String text, List<MessageCitation> citations, DeliveryStatus status) {
        return append(conversationId, direction, author, channel, providerMessageId, text, citations, status, null, Map.of());
    }

    /** Appends a customer's message with the address it came from, so a reply on its channel can find the way back. */
    Message appendInbound(UUID conversationId, InboundMessage inbound) {
        return append(conversationId, Direction.IN, Author.CUSTOMER, inbound.channel(), inbound.providerMessageId(),
                inbound.text(), List.of(), DeliveryStatus.RECEIVED, inbound.sender(), inbound.replyContext());
    }

    private Message append(UUID conversationId, Direction direction, Author author, String channel,
                           String providerMessageId, String text, List<MessageCitation> citations,
                           DeliveryStatus status, Identity sender, Map<String, String> replyContext) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into messages (id, conversation_id, direction, author, channel, provider_message_id, text, "
                        + "citations, delivery_status, handled, created_at, visible_at, sender_identity, reply_context) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, conversationId, direction.name(), author.key(), channel, providerMessageId, text,
                        write(citations), status.name(), direction == Direction.OUT, now(),
                        direction == Direction.IN ? now() : null, sender == null ? null : sender.toString(),
                        replyContext.isEmpty() ? null : writeJson(replyContext))
                .update();
        return find(id).orElseThrow();
    }

    /**
     * Where a message on {@code channel} goes: the customer's latest message on that channel in this conversation, else
     * in any of their conversations (a follow-up or reminder on a channel they used before).
     */
    public Optional<ReplyRoute> replyRoute(UUID conversationId, String channel) {
        Optional<ReplyRoute> here = jdbc.sql("select sender_identity, reply_context, created_at from messages where conversation_id = ? "
                        + "and channel = ? and direction = 'IN' and sender_identity is not null order by seq desc limit 1")
                .params(conversationId, channel)
                .query(this::route)
                .optional();
        return here.isPresent() ? here : jdbc.sql("select m.sender_identity, m.reply_context, m.created_at from messages m "
                        + "join conversations c on c.id = m.conversation_id where c.customer_id = "
                        + "(select customer_id from conversations where id = ?) and m.channel = ? and m.direction = 'IN' "
                        + "and m.sender_identity is not null order by m.seq desc limit 1")
                .params(conversationId, channel)
                .query(this::route)
                .optional();
    }

    /** The address the customer last wrote from on this channel, in any of their conversations. */
    public Optional<Identity> latestSender(UUID customerId, String channel) {
        return jdbc.sql("select m.sender_identity from messages m join conversations c on c.id = m.conversation_id "
                        + "where c.customer_id = ? and m.channel = ? and m.direction = 'IN' and m.sender_identity is not null "
                        + "order by m.seq desc limit 1")
                .params(customerId, channel).query(String.class).optional().map(Identity::parse);
    }

    /** The channels the customer has written on, most recent first. */
    public List<String> channelsOfCustomer(UUID customerId) {
        return jdbc.sql("select m.channel from messages m join conversations c on c.id = m.conversation_id "
                        + "where c.customer_id = ? and m.direction = 'IN' group by m.channel order by max(m.seq) desc")
                .param(customerId).query(String.class).list();
    }

    private ReplyRoute route(ResultSet rs, int row) throws SQLException {
        return new ReplyRoute(Identity.parse(rs.getString(1)), readContext(rs.getString(2)), rs.getObject(3, OffsetDateTime.class));
    }

    /** The outbound message a provider's delivery report is about. */
    Optional<Message> findOutboundByProviderId(String channel, String providerMessageId) {
        return jdbc.sql(COLUMNS + "where m.channel = ? and m.provider_message_id = ? and m.direction = 'OUT'")
                .params(channel, providerMessageId).query(rows).optional();
    }

    void updateStatus(UUID id, DeliveryStatus status) {
        jdbc.sql("update messages set delivery_status = ? where id = ?").params(status.name(), id).update();
    }

    public Optional<Message> find(UUID id) {
        return jdbc.sql(COLUMNS + "where m.id = ?").param(id).query(rows).optional();
    }

    Optional<Message> findByProviderId(String channel, String providerMessageId) {
        return jdbc.sql(COLUMNS + "where m.channel = ? and m.provider_message_id = ?")
                .params(channel, providerMessageId).query(rows).optional();
    }

    /** The whole transcript of a conversation, every channel, in order. */
    public List<Message> transcript(UUID conversationId) {
        return jdbc.sql(COLUMNS + "where m.conversation_id = ? order by m.seq").param(conversationId).query(rows).list();
    }

    /**
     * What a customer could see from {@code since} on: their own messages and every reply once it went out, across
     * their conversations (a resolved one followed by a new one reads as one stream), in the order they became visible.
     * A reply is visible from when it was sent, not when it was written, so a reconnecting reader misses nothing.
     */
    public List<Message> visibleToCustomerSince(UUID customerId, OffsetDateTime since) {
        return jdbc.sql(COLUMNS + "join conversations c on c.id = m.conversation_id where c.customer_id = ? "
                        + "and m.visible_at >= ? order by m.visible_at, m.seq")
                .params(customerId, since).query(rows).list();
    }

    /** The open conversation as its customer sees it, in the order messages became visible. */
    public List<Message> visibleInOpenConversation(UUID customerId) {
        return jdbc.sql(COLUMNS + "join conversations c on c.id = m.conversation_id where c.customer_id = ? "
                        + "and c.status = 'OPEN' and m.visible_at is not null order by m.visible_at, m.seq")
                .param(customerId).query(rows).list();
    }

    /** The customer's messages the journey has not read yet, oldest first. */
    public List<Message> unhandled(UUID conversationId) {
        return jdbc.sql(COLUMNS + "where m.conversation_id = ? and m.direction = 'IN' and m.handled = false order by m.seq")
                .param(conversationId).query(rows).list();
    }

    public Optional<String> latestInboundChannel(UUID conversationId) {
        return jdbc.sql("select channel from messages where conversation_id = ? and direction = 'IN' order by seq desc limit 1")
                .param(conversationId).query(String.class).optional();
    }

    public void markHandled(List<UUID> ids) {
        ids.forEach(id -> jdbc.sql("update messages set handled = true where id = ?").param(id).update());
    }

    void markSent(UUID id, String providerMessageId) {
        jdbc.sql("update messages set delivery_status = 'SENT', visible_at = coalesce(visible_at, ?), "
                        + "provider_message_id = coalesce(?, provider_message_id) where id = ?")
                .params(now(), providerMessageId, id).update();
    }

    void markFailed(UUID id) {
        jdbc.sql("update messages set delivery_status = 'FAILED' where id = ?").param(id).update();
    }

    /** When the customer could first see this message; empty when it is unknown or not visible (yet). */
    public Optional<OffsetDateTime> visibleAt(UUID messageId) {
        return jdbc.sql("select visible_at from messages where id = ? and visible_at is not null")
                .param(messageId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
    }

    private Message map(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getObject("conversation_id", UUID.class),
                Direction.valueOf(rs.getString("direction")), Author.valueOf(rs.getString("author").toUpperCase()),
                rs.getString("channel"), rs.getString("provider_message_id"), rs.getString("text"),
                read(rs.getString("citations")), DeliveryStatus.valueOf(rs.getString("delivery_status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("visible_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private String write(List<MessageCitation> citations) {
        try {
            return json.writeValueAsString(citations == null ? List.of() : citations);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> readContext(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, CONTEXT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reply context is not JSON", e);
        }
    }

    private List<MessageCitation> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, CITATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored citations are not JSON", e);
        }
    }
}
