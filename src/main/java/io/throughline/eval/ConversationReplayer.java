package io.throughline.eval;

import io.throughline.conversation.Accepted;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.InboundMessages;
import io.throughline.customer.Customers;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityLinks;
import io.throughline.customer.IdentityType;
import io.throughline.customer.Proof;
import io.throughline.eval.RecordedConversation.AgentAction;
import io.throughline.eval.RecordedConversation.Turn;
import io.throughline.journey.AgentTasks;
import io.throughline.journey.JourneyProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays one recorded conversation into a running {@link Sandbox}: a new customer with the recorded attributes writes
 * the recorded messages one by one, each after the journey has done all it would do with the one before; where an
 * agent acted, the open task is completed with what they did. Returns what happened, in the recorded format.
 */
final class ConversationReplayer {

    private final InboundMessages inbound;
    private final Customers customers;
    private final IdentityLinks identityLinks;
    private final JourneyProbe probe;
    private final AgentTasks agentTasks;
    private final ConversationHistory history;
    private final Duration timeout;

    ConversationReplayer(Sandbox sandbox, Duration timeout) {
        this.inbound = sandbox.bean(InboundMessages.class);
        this.customers = sandbox.bean(Customers.class);
        this.identityLinks = sandbox.bean(IdentityLinks.class);
        this.probe = sandbox.bean(JourneyProbe.class);
        this.agentTasks = sandbox.bean(AgentTasks.class);
        this.history = new ConversationHistory(sandbox.bean(JdbcClient.class));
        this.timeout = timeout;
    }

    RecordedConversation replay(RecordedConversation recorded) throws InterruptedException {
        Map<IdentityType, Identity> identities = syntheticIdentities(recorded);
        Identity first = identities.values().iterator().next();
        UUID customerId = customers.resolve(first, null);
        for (Identity other : identities.values()) {
            if (!other.equals(first)) {
                identityLinks.link(first, other, Proof.ONE_TIME_CODE);
            }
        }
        if (!recorded.customer().attributes().isEmpty()) {
            customers.replaceAttributes(customerId, recorded.customer().attributes());
        }
        List<List<String>> findings = new ArrayList<>();
        List<AgentAction> agentActions = new ArrayList<>();
        for (Turn turn : recorded.turns()) {
            Identity sender = identities.getOrDefault(knownType(identityTypeOf(turn.message().channel())), first);
            Accepted accepted = inbound.accept(new InboundMessage(turn.message().channel(), "replay-" + UUID.randomUUID(),
                    sender, null, turn.message().text()));
            List<String> found = new ArrayList<>();
            settle(accepted.conversationId(), found);
            AgentAction agent = turn.agent();
            AgentAction done = null;
            if (agent != null && agentTasks.complete(accepted.conversationId(), agent.reply(), agent.outcome(), agent.note())) {
                done = agent;
                settle(accepted.conversationId(), found);
            }
            findings.add(found);
            agentActions.add(done);
        }
        RecordedConversation replayed = history.customer(recorded.id(), customerId);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < replayed.turns().size(); i++) {
            Turn turn = replayed.turns().get(i);
            if (i < findings.size()) {
                turn = new Turn(turn.message(), turn.decisions(), turn.journeys(), turn.replies(), agentActions.get(i),
                        findings.get(i));
            }
            turns.add(turn);
        }
        return new RecordedConversation(recorded.id(), replayed.customer(), turns);
    }

    /** Waits for the journey to go idle, noting when it does not, and every step that failed. */
    private void settle(UUID conversationId, List<String> findings) throws InterruptedException {
        if (!probe.awaitIdle(conversationId, timeout)) {
            findings.add("the journey was still busy after " + timeout.toSeconds() + " s");
        }
        for (String failure : probe.failures(conversationId)) {
            if (!findings.contains(failure)) {
                findings.add(failure);
            }
        }
    }

    /**
     * Made-up addresses, new for every replay, one of each kind the customer was known by (or wrote from), all linked
     * to the one customer as if proven; the first is the one they were first known by. A message comes from the address
     * that fits its channel (else the first), and goes back on its recorded channel: nothing is sent anyway.
     */
    private static Map<IdentityType, Identity> syntheticIdentities(RecordedConversation recorded) {
        List<String> types = new ArrayList<>(recorded.customer().identities());
        recorded.turns().forEach(turn -> types.add(identityTypeOf(turn.message().channel())));
        Map<IdentityType, Identity> identities = new LinkedHashMap<>();
        for (String type : types) {
            identities.computeIfAbsent(knownType(type), ConversationReplayer::synthetic);
        }
        return identities;
    }

    private static Identity synthetic(IdentityType type) {
        String unique = UUID.randomUUID().toString();
        long digits = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        return switch (type) {
            case VISITOR -> Identity.visitor(unique);
            case EMAIL -> new Identity(type, "replay-" + unique + "@replay.invalid");
            case PHONE -> new Identity(type, "+1" + digits);
            case SLACK -> new Identity(type, "U" + unique.replace("-", "").toUpperCase(Locale.ROOT));
            case TELEGRAM, MESSENGER, INSTAGRAM -> new Identity(type, Long.toString(digits));
        };
    }

    private static IdentityType knownType(String type) {
        try {
            return IdentityType.fromKey(type);
        } catch (IllegalArgumentException e) {
            return IdentityType.VISITOR;
        }
    }

    private static final Map<String, String> IDENTITY_OF_CHANNEL = new HashMap<>(Map.of(
            "webchat", "visitor", "email", "email", "whatsapp", "phone", "sms", "phone", "telegram", "telegram",
            "slack", "slack", "messenger", "messenger", "instagram", "instagram"));

    private static String identityTypeOf(String channel) {
        return IDENTITY_OF_CHANNEL.getOrDefault(channel, "visitor");
    }
}
