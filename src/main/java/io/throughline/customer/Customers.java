package io.throughline.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The customer records and their identities. */
@Repository
public class Customers {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final InsertIfAbsent insertIfAbsent;
    private final ObjectMapper json;

    Customers(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, ObjectMapper json) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
        this.json = json;
    }

    public Optional<UUID> findIdByIdentity(Identity identity) {
        return jdbc.sql("select customer_id from customer_identities where identity_type = ? and identity_value = ?")
                .params(identity.type().key(), identity.value())
                .query(UUID.class)
                .optional();
    }

    /**
     * The customer this identity belongs to, created on first contact. Two first messages racing from the same
     * address end with one customer: the identity row is inserted only if absent, and the loser's empty record goes.
     */
    @Transactional
    public UUID resolve(Identity identity, String displayName) {
        Optional<UUID> known = findIdByIdentity(identity);
        if (known.isPresent()) {
            return known.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into customers (id, display_name, attributes, created_at) values (?, ?, '{}', ?)")
                .params(id, displayName, now())
                .update();
        boolean inserted = insertIfAbsent.insert("customer_identities",
                List.of("identity_type", "identity_value"),
                Map.of("identity_type", identity.type().key(), "identity_value", identity.value(),
                        "customer_id", id, "verified", false, "created_at", now()));
        if (inserted) {
            return id;
        }
        jdbc.sql("delete from customers where id = ?").param(id).update();
        return findIdByIdentity(identity).orElseThrow();
    }

    /**
     * The customer this identity belongs to, their row held until the transaction ends. A merge may move the identity
     * to another customer while this waits for the lock; then it follows the identity to where it went.
     */
    @Transactional
    public UUID resolveLocked(Identity identity, String displayName) {
        UUID id = resolve(identity, displayName);
        while (true) {
            lock(id);
            UUID owner = findIdByIdentity(identity).orElse(id);
            if (owner.equals(id)) {
                return id;
            }
            id = owner;
        }
    }

    /** Holds the customer's row until the transaction ends, so one customer's messages are accepted one at a time. */
    public void lock(UUID customerId) {
        jdbc.sql("select id from customers where id = ? for update").param(customerId).query(UUID.class).single();
    }

    public Optional<Customer> find(UUID id) {
        List<Identity> identities = jdbc.sql(
                        "select identity_type, identity_value from customer_identities where customer_id = ? order by created_at")
                .param(id)
                .query((rs, n) -> new Identity(IdentityType.fromKey(rs.getString(1)), rs.getString(2)))
                .list();
        return jdbc.sql("select id, display_name, attributes, preferred_channel, created_at, merged_into from customers where id = ?")
                .param(id)
                .query((rs, n) -> new Customer(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        readAttributes(rs.getString("attributes")), rs.getString("preferred_channel"), identities,
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("merged_into", UUID.class)))
                .optional();
    }

    /** The customer's identities, oldest first, with whether each was proven. */
    public List<KnownIdentity> identitiesOf(UUID id) {
        return jdbc.sql("select identity_type, identity_value, verified from customer_identities where customer_id = ? "
                        + "order by created_at, identity_type, identity_value")
                .param(id)
                .query((rs, n) -> new KnownIdentity(new Identity(IdentityType.fromKey(rs.getString(1)), rs.getString(2)),
                        rs.getBoolean(3)))
                .list();
    }

    /** Replaces the attributes the business's own systems keep (plan, account, orders...). */
    @Transactional
    public boolean replaceAttributes(UUID id, Map<String, Object> attributes) {
        try {
            return jdbc.sql("update customers set attributes = ? where id = ?")
                    .params(json.writeValueAsString(attributes), id)
                    .update() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes are not representable as JSON", e);
        }
    }

    /**
     * Adds or replaces some attributes and keeps the rest, for what Throughline learns itself (a lead's team size); a
     * null value removes the attribute. The business's own systems replace them all with {@link #replaceAttributes}.
     */
    @Transactional
    public boolean mergeAttributes(UUID id, Map<String, Object> changes) {
        lock(id);
        Optional<Customer> customer = find(id);
        if (customer.isEmpty()) {
            return false;
        }
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(customer.get().attributes());
        changes.forEach((name, value) -> {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        return replaceAttributes(id, attributes);
    }

    private Map<String, Object> readAttributes(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer attributes are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
