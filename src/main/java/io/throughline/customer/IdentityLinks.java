package io.throughline.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an identity someone proved (by a one-time code, or the business's signature) to the customer they are. This is
 * the only way an identity joins a customer other than by writing from it: an address typed in a message, an email's
 * From header, a phone number in a text link nothing.
 */
@Service
public class IdentityLinks {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final InsertIfAbsent insertIfAbsent;
    private final CustomerMerges merges;

    IdentityLinks(JdbcClient jdbc, Customers customers, InsertIfAbsent insertIfAbsent, CustomerMerges merges) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.insertIfAbsent = insertIfAbsent;
        this.merges = merges;
    }

    /**
     * The claimant (a web visitor, say) proved {@code proven} is theirs. An identity nobody holds joins the claimant's
     * customer; a claimant nobody knows yet joins the customer holding it; when two customers hold the two, they merge.
     * The proven identity is verified in every case.
     */
    @Transactional
    public Linked link(Identity claimant, Identity proven, Proof proof) {
        if (claimant.equals(proven)) {
            throw new IllegalArgumentException("an identity cannot prove itself");
        }
        // read, lock, read again: a message from either identity, or another merge, may move things meanwhile
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<UUID> holder = customers.findIdByIdentity(proven);
            Optional<UUID> claimants = customers.findIdByIdentity(claimant);
            if (holder.isEmpty()) {
                UUID id = customers.resolveLocked(claimant, null);
                if (attach(proven, id, true)) {
                    return new Linked(id, proven, null);
                }
            } else if (claimants.isEmpty()) {
                customers.lock(holder.get());
                if (holder.equals(customers.findIdByIdentity(proven)) && attach(claimant, holder.get(), false)) {
                    markVerified(proven);
                    return new Linked(holder.get(), proven, null);
                }
            } else if (holder.equals(claimants)) {
                markVerified(proven);
                return new Linked(holder.get(), proven, null);
            } else {
                merges.lockInOrder(claimants.get(), holder.get());
                if (holder.equals(customers.findIdByIdentity(proven)) && claimants.equals(customers.findIdByIdentity(claimant))) {
                    Merge merge = merges.merge(claimants.get(), holder.get(), proven, proof);
                    return new Linked(merge.survivorId(), proven, merge.id());
                }
            }
        }
        throw new IllegalStateException("the customers of " + proven.type().key() + " and of the claimant kept changing; "
                + "try again");
    }

    private boolean attach(Identity identity, UUID customerId, boolean verified) {
        return insertIfAbsent.insert("customer_identities", List.of("identity_type", "identity_value"),
                Map.of("identity_type", identity.type().key(), "identity_value", identity.value(),
                        "customer_id", customerId, "verified", verified,
                        "created_at", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private void markVerified(Identity identity) {
        jdbc.sql("update customer_identities set verified = true where identity_type = ? and identity_value = ?")
                .params(identity.type().key(), identity.value()).update();
    }
}
