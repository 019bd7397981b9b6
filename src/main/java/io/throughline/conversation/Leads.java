package io.throughline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.customer.Customers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pre-sales leads: recorded on the conversation (LEAD_CAPTURED) and on the customer's attributes, which rules see. */
@Service
public class Leads {

    private final ConversationEvents events;
    private final Conversations conversations;
    private final Customers customers;
    private final LeadSettings settings;
    private final ObjectMapper json;

    Leads(ConversationEvents events, Conversations conversations, Customers customers, LeadSettings settings,
          ObjectMapper json) {
        this.events = events;
        this.conversations = conversations;
        this.customers = customers;
        this.settings = settings;
        this.json = json;
    }

    /** Whether a person from sales should take this lead: a team of {@code throughline.leads.sales-team-size} or more. */
    public boolean forSales(Lead lead) {
        return lead.teamSize() != null && lead.teamSize() >= settings.salesTeamSize();
    }

    /**
     * Records the lead: a LEAD_CAPTURED event with its details, and the attributes {@code leadTeamSize} and
     * {@code leadUseCase} on the customer (until the business's own systems replace the attributes).
     *
     * @return the details as a JSON object, for the agent who takes it
     */
    @Transactional
    public String capture(UUID conversationId, Lead lead) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (lead.teamSize() != null) {
            details.put("teamSize", lead.teamSize());
        }
        if (lead.useCase() != null) {
            details.put("useCase", lead.useCase());
        }
        details.put("forSales", forSales(lead));
        String detail = write(details);
        events.record(conversationId, ConversationEvents.Type.LEAD_CAPTURED, null, detail);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("leadTeamSize", lead.teamSize());
        attributes.put("leadUseCase", lead.useCase());
        customers.mergeAttributes(conversations.find(conversationId).orElseThrow().customerId(), attributes);
        return detail;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
