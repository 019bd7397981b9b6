package io.throughline.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel consent per address: whether the customer opted out of messages to this identity on this channel. No row
 * means nobody said stop. Kept per identity, so it stays with the address whatever customer it belongs to.
 */
@Repository
public class Consents {

    private final JdbcClient jdbc;
    private final InsertIfAbsent insertIfAbsent;

    Consents(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
    }

    /** Records what the customer sent from {@code identity} on {@code channel}: the latest keyword counts. */
    @Transactional
    public Consent record(Identity identity, String channel, ConsentKeyword keyword) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean inserted = insertIfAbsent.insert("channel_consents", List.of("identity_type", "identity_value", "channel"),
                java.util.Map.of("identity_type", identity.type().key(), "identity_value", identity.value(),
                        "channel", channel, "opted_out", keyword.optsOut(), "keyword", keyword.name(), "changed_at", now));
        if (!inserted) {
            jdbc.sql("update channel_consents set opted_out = ?, keyword = ?, changed_at = ? where identity_type = ? "
                            + "and identity_value = ? and channel = ?")
                    .params(keyword.optsOut(), keyword.name(), now, identity.type().key(), identity.value(), channel)
                    .update();
        }
        return new Consent(identity, channel, keyword.optsOut(), keyword.name(), now);
    }

    /** Whether messages may go to this address on this channel: yes unless the customer opted out there. */
    public boolean allows(Identity identity, String channel) {
        return !jdbc.sql("select opted_out from channel_consents where identity_type = ? and identity_value = ? "
                        + "and channel = ?")
                .params(identity.type().key(), identity.value(), channel).query(Boolean.class).optional().orElse(false);
    }

    /** Every consent the customer gave or withdrew, on any of their identities. */
    public List<Consent> ofCustomer(UUID customerId) {
        return jdbc.sql("select c.identity_type, c.identity_value, c.channel, c.opted_out, c.keyword, c.changed_at "
                        + "from channel_consents c join customer_identities i on i.identity_type = c.identity_type "
                        + "and i.identity_value = c.identity_value where i.customer_id = ? order by c.changed_at")
                .param(customerId)
                .query((rs, n) -> new Consent(new Identity(IdentityType.fromKey(rs.getString(1)), rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
