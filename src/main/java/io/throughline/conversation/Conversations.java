package io.throughline.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations: at most one open per customer, on any channel. */
@Repository
public class Conversations {

    private static final String COLUMNS = "select id, customer_id, status, opened_at, resolved_at, resolution, merged_into from conversations ";

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conversation> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(this::map).optional();
    }

    public Optional<Conversation> openFor(UUID customerId) {
        return jdbc.sql(COLUMNS + "where customer_id = ? and status = 'OPEN'").param(customerId).query(this::map).optional();
    }

    /** The open conversation, held until the transaction ends so it cannot be resolved under a message being added. */
    Optional<Conversation> lockOpenFor(UUID customerId) {
        return jdbc.sql(COLUMNS + "where customer_id = ? and status = 'OPEN' for update").param(customerId).query(this::map).optional();
    }

    /**
     * The conversation that carries on this one: itself, or the open one a customer merge moved its messages to (and
     * on, should that one have been merged in turn).
     */
    UUID current(UUID id) {
        UUID current = id;
        for (int hops = 0; hops < 100; hops++) {
            UUID next = jdbc.sql("select merged_into from conversations where id = ?").param(current)
                    .query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("conversation " + id + " was merged into itself, through 100 others");
    }

    public List<Conversation> ofCustomer(UUID customerId) {
        return jdbc.sql(COLUMNS + "where customer_id = ? order by opened_at").param(customerId).query(this::map).list();
    }

    Conversation open(UUID customerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into conversations (id, customer_id, status, opened_at) values (?, ?, 'OPEN', ?)")
                .params(id, customerId, now()).update();
        return find(id).orElseThrow();
    }

    /** @return false when it was resolved already */
    boolean resolve(UUID id, String resolution) {
        return jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = ?, resolution = ? where id = ? and status = 'OPEN'")
                .params(now(), resolution, id).update() == 1;
    }

    /** The resolved conversation takes the customer's rating until {@code until}. */
    void awaitRating(UUID id, OffsetDateTime until) {
        jdbc.sql("update conversations set rating_until = ? where id = ? and status = 'RESOLVED'").params(until, id).update();
    }

    /** The rating question is over: the customer's next message opens a new conversation, whatever it says. */
    void stopAwaitingRating(UUID id) {
        jdbc.sql("update conversations set rating_until = null where id = ?").param(id).update();
    }

    /** The customer's latest resolved conversation while it still waits for their rating, held like an open one. */
    Optional<Conversation> lockAwaitingRatingFor(UUID customerId) {
        return jdbc.sql(COLUMNS + "where customer_id = ? and status = 'RESOLVED' and rating_until > ? "
                        + "order by resolved_at desc fetch first 1 rows only for update")
                .params(customerId, now()).query(this::map).optional();
    }

    /**
     * Holds the conversation's row until the transaction ends. The journey takes it before it decides to wait, and the
     * wake-up takes it before it looks for a waiting journey, so a message can never slip between the two.
     */
    public void lock(UUID id) {
        jdbc.sql("select id from conversations where id = ? for update").param(id).query(UUID.class).single();
    }

    private Conversation map(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                Conversation.Status.valueOf(rs.getString("status")), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolution"),
                rs.getObject("merged_into", UUID.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
