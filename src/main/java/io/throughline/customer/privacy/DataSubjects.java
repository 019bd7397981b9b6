package io.throughline.customer.privacy;

import io.throughline.customer.Customers;
import io.throughline.customer.KnownIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the whole person behind a customer id. An id a merge absorbed is an alias of the customer it went into: asking
 * about either means the one person, so both lead to the customer in use and every alias folded into it.
 */
@Component
class DataSubjects {

    private static final int MAX_HOPS = 100;

    private final JdbcClient jdbc;
    private final Customers customers;

    DataSubjects(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    Optional<DataSubject> of(UUID customerId) {
        Optional<UUID> root = inUse(customerId);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> group = new LinkedHashSet<>(List.of(root.get()));
        List<UUID> frontier = List.of(root.get());
        for (int hop = 0; hop < MAX_HOPS && !frontier.isEmpty(); hop++) {
            List<UUID> next = new ArrayList<>();
            for (UUID id : frontier) {
                jdbc.sql("select id from customers where merged_into = ?").param(id).query(UUID.class).list().stream()
                        .filter(group::add).forEach(next::add);
            }
            frontier = next;
        }
        List<KnownIdentity> identities = group.stream().flatMap(id -> customers.identitiesOf(id).stream()).toList();
        return Optional.of(new DataSubject(root.get(), List.copyOf(group), identities));
    }

    /** The customer in use this id is, or was merged into. */
    private Optional<UUID> inUse(UUID customerId) {
        UUID current = customerId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<UUID> mergedInto = jdbc.sql("select merged_into from customers where id = ?").param(current)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().orElse(null);
            if (mergedInto == null) {
                return Optional.empty();
            }
            if (mergedInto.isEmpty()) {
                return Optional.of(current);
            }
            current = mergedInto.get();
        }
        throw new IllegalStateException("customer " + customerId + " was merged through " + MAX_HOPS + " others");
    }
}
