package io.throughline.decision;

import java.util.Map;

/** The customer record as the rules see it. */
public final class CustomerFacts {

    private final String customerId;
    private final String plan;
    private final Map<String, String> attributes;

    public CustomerFacts(String customerId, String plan, Map<String, String> attributes) {
        this.customerId = customerId;
        this.plan = plan;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
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

    public Map<String, String> getAttributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "CustomerFacts[customerId=" + customerId + ", plan=" + plan + ", attributes=" + attributes + "]";
    }
}
