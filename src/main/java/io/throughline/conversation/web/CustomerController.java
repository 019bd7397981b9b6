package io.throughline.conversation.web;

import io.throughline.conversation.Conversation;
import io.throughline.conversation.Conversations;
import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import io.throughline.customer.Identity;
import io.throughline.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    CustomerController(Customers customers, Conversations conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    record CustomerView(Customer customer, List<Conversation> conversations) {}

    @GetMapping("/api/customers/{id}")
    CustomerView customer(@PathVariable UUID id) {
        Customer customer = customers.find(id).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "no customer " + id, "id"));
        return new CustomerView(customer, conversations.ofCustomer(id));
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
