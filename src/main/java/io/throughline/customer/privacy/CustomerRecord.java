package io.throughline.customer.privacy;

import io.throughline.customer.Consents;
import io.throughline.customer.Customer;
import io.throughline.customer.CustomerMerges;
import io.throughline.customer.Customers;
import io.throughline.customer.KnownIdentity;
import io.throughline.customer.Merge;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer module's own share of a subject's data: the record and its aliases, identities, attributes, consent,
 * merges and identity proofs (never their code hashes). Erased last, once nothing refers to the records any more.
 */
@Component
class CustomerRecord {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final CustomerMerges merges;
    private final Consents consents;

    CustomerRecord(JdbcClient jdbc, Customers customers, CustomerMerges merges, Consents consents) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.merges = merges;
        this.consents = consents;
    }

    void export(DataSubject subject, Map<String, Object> export) {
        Customer customer = customers.find(subject.customerId()).orElseThrow();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", customer.id());
        record.put("displayName", customer.displayName());
        record.put("preferredChannel", customer.preferredChannel());
        record.put("createdAt", customer.createdAt());
        record.put("aliases", subject.customerIds().stream().filter(id -> !id.equals(customer.id())).toList());
        export.put("customer", record);
        export.put("attributes", customer.attributes());
        export.put("identities", subject.identities().stream().map(CustomerRecord::identity).toList());
        export.put("consents", subject.customerIds().stream().flatMap(id -> consents.ofCustomer(id).stream())
                .map(c -> map("identity", c.identity().toString(), "channel", c.channel(), "optedOut", c.optedOut(),
                        "keyword", c.keyword(), "changedAt", c.changedAt()))
                .toList());
        export.put("merges", merges(subject).stream().map(CustomerRecord::merge).toList());
        export.put("identityProofs", proofs(subject));
    }

    void erase(DataSubject subject, ErasedCounts counts) {
        int consentRows = 0;
        int proofs = 0;
        for (KnownIdentity known : subject.identities()) {
            String type = known.identity().type().key();
            String value = known.identity().value();
            consentRows += jdbc.sql("delete from channel_consents where identity_type = ? and identity_value = ?")
                    .params(type, value).update();
            proofs += jdbc.sql("delete from identity_proofs where (claimant_type = ? and claimant_value = ?) "
                    + "or (identity_type = ? and identity_value = ?)").params(type, value, type, value).update();
        }
        counts.add("consents", consentRows);
        counts.add("identityProofs", proofs);
        int mergeRows = 0;
        for (Merge merge : merges(subject)) {
            jdbc.sql("delete from customer_merge_moves where merge_id = ?").param(merge.id()).update();
            mergeRows += jdbc.sql("delete from customer_merges where id = ?").param(merge.id()).update();
        }
        counts.add("merges", mergeRows);
        int identities = 0;
        int records = 0;
        for (UUID id : subject.customerIds()) {
            identities += jdbc.sql("delete from customer_identities where customer_id = ?").param(id).update();
        }
        for (UUID id : subject.customerIds()) {
            records += jdbc.sql("delete from customers where id = ?").param(id).update();
        }
        counts.add("identities", identities);
        counts.add("customers", records);
    }

    /** Every merge any of the subject's records took part in, an undone one with a customer now apart included. */
    private List<Merge> merges(DataSubject subject) {
        Set<UUID> seen = new LinkedHashSet<>();
        List<Merge> all = new ArrayList<>();
        for (UUID id : subject.customerIds()) {
            merges.ofCustomer(id).stream().filter(m -> seen.add(m.id())).forEach(all::add);
        }
        return all;
    }

    private List<Map<String, Object>> proofs(DataSubject subject) {
        List<Map<String, Object>> proofs = new ArrayList<>();
        Set<Object> seen = new LinkedHashSet<>();
        for (KnownIdentity known : subject.identities()) {
            String type = known.identity().type().key();
            String value = known.identity().value();
            jdbc.sql("select id, claimant_type, claimant_value, identity_type, identity_value, sent_via, attempts, "
                            + "created_at, expires_at, used_at from identity_proofs where (claimant_type = ? and "
                            + "claimant_value = ?) or (identity_type = ? and identity_value = ?) order by created_at")
                    .params(type, value, type, value)
                    .query((rs, n) -> map("id", rs.getObject(1, UUID.class),
                            "claimant", rs.getString(2) + ":" + rs.getString(3),
                            "identity", rs.getString(4) + ":" + rs.getString(5), "sentVia", rs.getString(6),
                            "attempts", rs.getInt(7), "createdAt", rs.getObject(8, OffsetDateTime.class),
                            "expiresAt", rs.getObject(9, OffsetDateTime.class),
                            "usedAt", rs.getObject(10, OffsetDateTime.class)))
                    .list().stream().filter(p -> seen.add(p.get("id"))).forEach(proofs::add);
        }
        return proofs;
    }

    private static Map<String, Object> identity(KnownIdentity known) {
        return map("type", known.identity().type().key(), "value", known.identity().value(), "verified", known.verified());
    }

    private static Map<String, Object> merge(Merge merge) {
        return map("id", merge.id(), "survivorId", merge.survivorId(), "absorbedId", merge.absorbedId(),
                "identity", merge.identity().toString(), "proof", merge.proof().key(), "mergedAt", merge.mergedAt(),
                "undoneAt", merge.undoneAt(), "undoneBy", merge.undoneBy(),
                "moved", merge.moves().stream().map(m -> map("kind", m.kind(), "item", m.item())).toList());
    }

    /** A map keeping the order given, nulls included (Map.of takes neither). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
