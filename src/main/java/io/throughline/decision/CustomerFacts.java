package io.throughline.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer record as the rules see it: the attributes the business's own systems keep current through
 * {@code PUT /api/customers/{id}/attributes} (plan, account, orders... as JSON: nested objects are maps, arrays are
 * lists), the kinds of identity the customer has (email, phone, visitor...) and their preferred channel.
 */
public final class CustomerFacts {

    private final String customerId;
    private final String plan;
    private final Map<String, Object> attributes;
    private final Set<String> identities;
    private final String preferredChannel;

    public CustomerFacts(String customerId, String plan, Map<String, ?> attributes) {
        this(customerId, plan, attributes, Set.of(), null);
    }

    /** @param identities the kinds of identity the customer has: {@code email}, {@code phone}, {@code visitor}... */
    public CustomerFacts(String customerId, String plan, Map<String, ?> attributes, Collection<String> identities,
                         String preferredChannel) {
        this.customerId = customerId;
        this.plan = plan;
        this.attributes = attributes == null ? Map.of() : frozenMap(attributes);
        this.identities = identities == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(
                identities.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList()));
        this.preferredChannel = preferredChannel;
    }

    public String getCustomerId() {
        return customerId;
    }

    /** "basic", "plus", "vip" or null when the business has not told us. */
    public String getPlan() {
        return plan;
    }

    public boolean hasPlan(String name) {
        return name.equalsIgnoreCase(plan);
    }

    /** Every attribute as given: strings, numbers, booleans, lists and maps (read-only). */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /**
     * One attribute by its path: {@code "account"}, {@code "account.status"}, {@code "orders.0.number"} (a number
     * steps into a list). Null when any step is missing.
     */
    public Object attribute(String path) {
        Object value = attributes;
        for (String step : path.split("\\.")) {
            if (value instanceof Map<?, ?> map) {
                value = map.get(step);
            } else if (value instanceof List<?> list && step.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(step) < list.size()) {
                value = list.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        return value;
    }

    /** The attribute at {@code path} as text ({@code "12"} for a number), or null when it is missing. */
    public String text(String path) {
        Object value = attribute(path);
        return value == null ? null : String.valueOf(value);
    }

    /**
     * The {@code orders} attribute as objects: each entry as given, an entry that is only a number or text
     * ({@code "LC-2025-0912"}) as {@code {"number": "LC-2025-0912"}}; empty when there is none.
     */
    public List<Map<String, Object>> getOrders() {
        if (!(attributes.get("orders") instanceof List<?> orders)) {
            return List.of();
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object order : orders) {
            if (order instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                maps.add(typed);
            } else if (order != null && !(order instanceof List<?>)) {
                maps.add(Map.of("number", order));
            }
        }
        return Collections.unmodifiableList(maps);
    }

    /** Whether any order has {@code field} equal to {@code value} (compared as text, ignoring case). */
    public boolean hasOrderWith(String field, String value) {
        return getOrders().stream().anyMatch(order -> order.get(field) != null
                && String.valueOf(order.get(field)).equalsIgnoreCase(value));
    }

    /** The kinds of identity the customer has, lower case: {@code email}, {@code phone}, {@code visitor}... */
    public Set<String> getIdentities() {
        return identities;
    }

    public boolean hasIdentity(String type) {
        return identities.contains(type.toLowerCase(Locale.ROOT));
    }

    /** The customer has an email address we can write to. */
    public boolean hasEmail() {
        return hasIdentity("email");
    }

    /** The customer has a phone number (WhatsApp and SMS). */
    public boolean hasPhone() {
        return hasIdentity("phone");
    }

    /** The channel the customer prefers, or null. */
    public String getPreferredChannel() {
        return preferredChannel;
    }

    @Override
    public String toString() {
        return "CustomerFacts[customerId=" + customerId + ", plan=" + plan + ", attributes=" + attributes
                + ", identities=" + identities + ", preferredChannel=" + preferredChannel + "]";
    }

    private static Map<String, Object> frozenMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map);
        }
        if (value instanceof Collection<?> list) {
            return Collections.unmodifiableList(list.stream().map(CustomerFacts::frozen).collect(
                    ArrayList::new, ArrayList::add, ArrayList::addAll));
        }
        return value;
    }
}
