package io.throughline.conversation.web;

import io.throughline.conversation.Conversation;
import io.throughline.conversation.Conversations;
import io.throughline.customer.Consents;
import io.throughline.customer.Customer;
import io.throughline.customer.CustomerMerges;
import io.throughline.customer.Customers;
import io.throughline.customer.Identity;
import io.throughline.customer.Merge;
import io.throughline.customer.UndoOutcome;
import io.throughline.web.ApiException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unified customer record with all its conversations. It lives beside conversations, not in the customer module,
 * because it shows both and the customer module must not know about conversations.
 */
@RestController
class CustomerController {

    private final Customers customers;
    private final Conversations conversations;
    private final CustomerMerges merges;
    private final Consents consents;

    CustomerController(Customers customers, Conversations conversations, CustomerMerges merges, Consents consents) {
        this.customers = customers;
        this.consents = consents;
        this.conversations = conversations;
        this.merges = merges;
    }

    /**
     * {@code identities} repeats the customer's identities with whether each was proven; {@code merges} lists merges;
     * {@code consents} what the customer said about messages per address and channel (STOP, START).
     */
    record CustomerView(Customer customer, List<Conversation> conversations, List<IdentityView> identities,
                        List<MergeView> merges, List<ConsentView> consents) {}

    record ConsentView(String identity, String channel, boolean optedOut, String keyword, String changedAt) {}

    record IdentityView(String type, String value, boolean verified) {}

    record MoveView(String kind, String item) {}

    record MergeView(UUID id, UUID survivorId, UUID absorbedId, String identity, String proof, String mergedAt,
                     String undoneAt, String undoneBy, List<MoveView> moved) {

        static MergeView of(Merge merge) {
            return new MergeView(merge.id(), merge.survivorId(), merge.absorbedId(), merge.identity().toString(),
                    merge.proof().key(), String.valueOf(merge.mergedAt()),
                    merge.undoneAt() == null ? null : merge.undoneAt().toString(), merge.undoneBy(),
                    merge.moves().stream().map(m -> new MoveView(m.kind(), m.item())).toList());
        }
    }

    @GetMapping("/api/customers/{id}")
    CustomerView customer(@PathVariable UUID id) {
        Customer customer = customers.find(id).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "no customer " + id, "id"));
        return new CustomerView(customer, conversations.ofCustomer(id),
                customers.identitiesOf(id).stream().map(k -> new IdentityView(k.identity().type().key(),
                        k.identity().value(), k.verified())).toList(),
                merges.ofCustomer(id).stream().map(MergeView::of).toList(),
                consents.ofCustomer(id).stream().map(c -> new ConsentView(c.identity().toString(), c.channel(),
                        c.optedOut(), c.keyword(), c.changedAt().toString())).toList());
    }

    /** Puts back exactly what a merge moved. Refused (409) when done already, or when a later merge must go first. */
    @PostMapping("/api/customers/merges/{mergeId}/undo")
    MergeView undoMerge(@PathVariable UUID mergeId, Principal user) {
        UndoOutcome outcome = merges.undo(mergeId, user.getName());
        if (outcome instanceof UndoOutcome.Undone undone) {
            return MergeView.of(undone.merge());
        }
        if (outcome instanceof UndoOutcome.AlreadyUndone already) {
            throw new ApiException(HttpStatus.CONFLICT, "merge " + mergeId + " was undone already, at "
                    + already.merge().undoneAt() + " by " + already.merge().undoneBy(), "mergeId");
        }
        if (outcome instanceof UndoOutcome.LaterMergeFirst later) {
            throw new ApiException(HttpStatus.CONFLICT, "merge " + later.laterMergeId() + " came later and took in one "
                    + "of these customers: undo it first", "mergeId");
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "no merge " + mergeId, "mergeId");
    }

    @GetMapping(path = "/api/customers", params = "identity")
    CustomerView byIdentity(@RequestParam String identity) {
        Identity parsed;
        try {
            parsed = Identity.parse(identity);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(), "identity");
        }
        UUID id = customers.findIdByIdentity(parsed).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "no customer known as " + parsed, "identity"));
        return customer(id);
    }

    @PutMapping("/api/customers/{id}/attributes")
    CustomerView replaceAttributes(@PathVariable UUID id, @RequestBody Map<String, Object> attributes) {
        if (!customers.replaceAttributes(id, attributes)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no customer " + id, "id");
        }
        return customer(id);
    }
}
