package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer's attributes, nested values included, and identities, as rules read them. */
class CustomerFactsTest {

    private static final Map<String, Object> ATTRIBUTES = Map.of(
            "plan", "plus",
            "account", Map.of("status", "overdue", "balance", 12.5),
            "orders", List.of(Map.of("number", "LC-10231", "status", "delivered"),
                    Map.of("number", "LC-10302", "status", "delayed"), List.of("not an order")));

    private final CustomerFacts customer = new CustomerFacts("cu-1", "plus", ATTRIBUTES, Set.of("EMAIL", "visitor"), "email");

    @Test
    void attributesAreReadByPathIntoObjectsAndLists() {
        assertThat(customer.attribute("account.status")).isEqualTo("overdue");
        assertThat(customer.attribute("account.balance")).isEqualTo(12.5);
        assertThat(customer.text("account.balance")).isEqualTo("12.5");
        assertThat(customer.attribute("orders.1.number")).isEqualTo("LC-10302");
        assertThat(customer.attribute("orders.7.number")).isNull();
        assertThat(customer.attribute("account.missing.deeper")).isNull();
        assertThat(customer.text("nowhere")).isNull();
    }

    @Test
    void ordersAreTheObjectsOfTheOrdersList() {
        assertThat(customer.getOrders()).hasSize(2);
        assertThat(customer.hasOrderWith("status", "DELAYED")).isTrue();
        assertThat(customer.hasOrderWith("status", "lost")).isFalse();
        assertThat(new CustomerFacts("cu-2", null, Map.of("orders", "LC-1")).getOrders()).isEmpty();
        assertThat(new CustomerFacts("cu-3", null, Map.of("orders", List.of("LC-2025-0912"))).getOrders())
                .as("an order given by its number alone").containsExactly(Map.of("number", "LC-2025-0912"));
    }

    @Test
    void identitiesAreKindsInLowerCase() {
        assertThat(customer.getIdentities()).containsExactly("email", "visitor");
        assertThat(customer.hasEmail()).isTrue();
        assertThat(customer.hasPhone()).isFalse();
        assertThat(customer.hasIdentity("Visitor")).isTrue();
        assertThat(customer.getPreferredChannel()).isEqualTo("email");
    }

    @Test
    void attributesAreACopyTheRulesCannotChange() {
        List<Object> orders = new ArrayList<>(List.of(Map.of("number", "LC-1")));
        var facts = new CustomerFacts("cu-1", null, Map.of("orders", orders));
        orders.add(Map.of("number", "LC-2"));

        assertThat(facts.getOrders()).hasSize(1);
        assertThatThrownBy(() -> facts.getAttributes().put("plan", "vip")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void drlReadsNestedAttributesOrdersAndIdentities(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("attributes.drl"), """
                package test;
                import io.throughline.decision.*;
                import java.util.Map;

                rule "A delayed order of an overdue account reaches billing by email"
                when
                    $customer : CustomerFacts( attribute("account.status") == "overdue", hasEmail, orders.size() == 2 )
                    Map( this["status"] == "delayed", $number : this["number"] ) from $customer.orders
                    $decision : Decision( !decided )
                then
                    $decision.escalate("billing", "delayed order " + $number);
                    update($decision);
                end
                """);
        Decider decider = new Decider(new RulesSettings(dir));

        Decision decision = decider.decide(question("shipping").build(), customer, answerWithConfidence(0.9));

        assertThat(decision.getReasons()).containsExactly("delayed order LC-10302");
    }
}
