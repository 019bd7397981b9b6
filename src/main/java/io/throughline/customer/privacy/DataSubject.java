package io.throughline.customer.privacy;

import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.customer.KnownIdentity;
import java.util.List;
import java.util.UUID;

/**
 * The person an export or erasure is about: the customer in use, every record a merge folded into it (their aliases),
 * and every identity they hold.
 *
 * @param customerId  the customer in use (the end of any merge chain the asked-for id was on)
 * @param customerIds that customer and its aliases
 */
public record DataSubject(UUID customerId, List<UUID> customerIds, List<KnownIdentity> identities) {

    public DataSubject {
        customerIds = List.copyOf(customerIds);
        identities = List.copyOf(identities);
    }

    /** The values of the subject's identities of one type: their visitor ids, their phone numbers... */
    public List<String> values(IdentityType type) {
        return identities.stream().map(KnownIdentity::identity).filter(i -> i.type() == type).map(Identity::value).toList();
    }
}
