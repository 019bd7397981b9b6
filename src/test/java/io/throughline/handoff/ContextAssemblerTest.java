package io.throughline.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.conversation.AgentNote;
import io.throughline.conversation.Author;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Message;
import io.throughline.conversation.MessageCitation;
import io.throughline.customer.Customer;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.customer.KnownIdentity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The agent's context, assembled from plain values: what each part says, what it hides, and how it fits. */
class ContextAssemblerTest {

    private static final UUID CONVERSATION = UUID.fromString("7b0e7c1a-3f43-4c1e-9d1e-1d2f3a4b5c6d");
    private static final String VISITOR = "3f2b8c1e-5d4a-4e6f-8a7b-9c0d1e2f3a4b";
    private static final OffsetDateTime TEN = OffsetDateTime.parse("2026-03-02T10:02:00Z");

    private final ContextAssembler assembler = new ContextAssembler(HandoffSettings.defaults());
    private long seq;

    // ---- customer ------------------------------------------------------------------------------

    @Test
    void theCustomerCardHidesTheVisitorIdAndShowsTheOtherIdentities() {
        Customer sheena = customer("Sheena Nelson", Map.of());
        var identities = List.of(new KnownIdentity(Identity.visitor(VISITOR), false),
                new KnownIdentity(new Identity(IdentityType.PHONE, "+16505551234"), true),
                new KnownIdentity(new Identity(IdentityType.EMAIL, "Sheena@Example.com"), false));

        String card = CustomerCard.of(sheena, identities);

        assertThat(card).startsWith("Sheena Nelson\n")
                .contains("web chat visitor").doesNotContain(VISITOR)
                .contains("Reached on: web chat visitor (id hidden) · phone +16505551234 (WhatsApp, SMS), proven · "
                        + "email sheena@example.com\n")
                .contains("No attributes from your systems yet")
                .endsWith("Record: /api/customers/" + sheena.id());
    }

    @Test
    void attributesReadAsLabelledLinesPlanFirstNotAsJson() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("account", "A-1001");
        attributes.put("orders", List.of(
                ordered("orderNumber", "A-1042", "status", "shipped"),
                ordered("orderNumber", "A-1043", "status", "open")));
        attributes.put("plan", "plus");
        attributes.put("newsletter", true);
        attributes.put("favourite_roasts", List.of("Ethiopia", "Kenya"));
        attributes.put("lifetimeValueEUR", 412.5);
        attributes.put("billingAddress", Map.of("city", "Leipzig"));
        attributes.put("portalPassword", "hunter2");
        attributes.put("api_key", "sk-123");
        attributes.put("note", null);

        String card = CustomerCard.of(customer("Ann", attributes), List.of());

        List<String> lines = card.lines().toList();
        assertThat(lines.get(2)).as("the plan comes first").isEqualTo("Plan: plus");
        assertThat(lines).containsSubsequence("Account: A-1001", "Orders:",
                        "  • order number: A-1042 · status: shipped", "  • order number: A-1043 · status: open")
                .contains("Newsletter: yes", "Favourite roasts: Ethiopia, Kenya", "Lifetime value EUR: 412.5",
                        "Billing address: city: Leipzig", "Portal password: (hidden)", "Api key: (hidden)", "Note: —");
        assertThat(card).doesNotContain("{", "}", "[", "]", "hunter2", "sk-123");
    }

    @Test
    void aCustomerWithoutANameIsCalledSo() {
        assertThat(CustomerCard.of(customer(null, Map.of()), List.of())).startsWith("Unnamed customer\nReached on: —\n");
    }

    @Test
    void labelsReadLikeWords() {
        assertThat(Readable.label("orderNumber")).isEqualTo("Order number");
        assertThat(Readable.label("order_number")).isEqualTo("Order number");
        assertThat(Readable.label("order-number")).isEqualTo("Order number");
        assertThat(Readable.label("VIP")).isEqualTo("VIP");
        assertThat(Readable.label("plan")).isEqualTo("Plan");
    }

    // ---- transcript ----------------------------------------------------------------------------

    @Test
    void everyLineHasTimeAuthorAndChannelAndNotesAreMarkedInternalInTheirPlace() {
        List<Message> messages = List.of(
                in("webchat", TEN, "My grinder makes a noise"),
                out(Author.BOT, "webchat", TEN.plusMinutes(1), "Let me bring in a person."),
                out(Author.AGENT, "webchat", TEN.plusMinutes(6), "Hi, Sam here."),
                in("whatsapp", TEN.plusMinutes(9), "I'm on my phone now"));
        List<AgentNote> notes = List.of(new AgentNote(TEN.plusMinutes(5), "Offered a replacement burr"));

        String transcript = TranscriptText.of(messages, notes, HandoffSettings.defaults().zone());

        assertThat(transcript.lines().toList()).containsExactly(
                "— Monday 2 March 2026 (UTC) —",
                "10:02 customer (webchat): My grinder makes a noise",
                "10:03 bot (webchat): Let me bring in a person.",
                "10:07 agent, internal note (never sent): Offered a replacement burr",
                "10:08 agent (webchat): Hi, Sam here.",
                "10:11 customer (whatsapp): I'm on my phone now");
    }

    @Test
    void theTranscriptMarksNewDaysUnsentRepliesAndMultiLineMessages() {
        var settings = new HandoffSettings(0.30, "Europe/Berlin");
        List<Message> messages = List.of(
                in("email", OffsetDateTime.parse("2026-03-01T22:30:00Z"), "Hello,\nmy order is late.\nAnn"),
                failed(OffsetDateTime.parse("2026-03-01T22:31:00Z"), "We are on it."),
                queued(OffsetDateTime.parse("2026-03-01T22:32:00Z"), "Still on it."));

        String transcript = TranscriptText.of(messages, List.of(), settings.zone());

        assertThat(transcript.lines().toList()).containsExactly(
                "— Sunday 1 March 2026 (Europe/Berlin) —",
                "23:30 customer (email): Hello,",
                "      my order is late.",
                "      Ann",
                "23:31 bot (email, failed to send): We are on it.",
                "23:32 bot (email, not sent yet): Still on it.");
    }

    @Test
    void notesAfterTheLastMessageComeLast() {
        String transcript = TranscriptText.of(List.of(in("sms", TEN, "hi")),
                List.of(new AgentNote(TEN.plusMinutes(1), "called them back")), HandoffSettings.defaults().zone());

        assertThat(transcript).endsWith("10:03 agent, internal note (never sent): called them back");
    }

    @Test
    void aTooLongTranscriptKeepsItsLatestPartAndSaysWhereTheRestIs() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(in("webchat", TEN.plusSeconds(i), "message number " + i + " with some words in it"));
        }

        String transcript = assemble(escalation(), customer("Ann", Map.of()), messages).transcript();

        assertThat(transcript).hasSizeLessThanOrEqualTo(HandoffContext.MAX_LENGTH)
                .startsWith("[… earlier part cut: GET /api/conversations/" + CONVERSATION + "]\n")
                .endsWith("message number 199 with some words in it");
    }

    // ---- the bot's attempt, the rules, the details ---------------------------------------------

    @Test
    void aConfidentAnswerIsShownAsNotSentAndOfferedAsTheSuggestedReply() {
        var context = assemble(escalation(), customer("Ann", Map.of()), List.of(in("whatsapp", TEN, "hi")));

        assertThat(context.aiAnswer()).isEqualTo("Not sent to the customer · confidence 0.62\n\nOrders ship within two days.");
        assertThat(context.suggestedReply()).isEqualTo("Orders ship within two days.");
        assertThat(context.sources()).isEqualTo("• Shipping — shipping.md § How long does shipping take?\n"
                + "• FAQ — https://larkspur.example/faq");
        assertThat(context.intent()).isEqualTo("order-status (score 0.91)");
        assertThat(context.reasons()).isEqualTo("• customer asked for a person\n• VIP plan");
    }

    @Test
    void noSuggestionWhenTheAnswerIsWeakBlockedOrMissing() {
        var weak = escalation(0.29, "Orders ship within two days.", null, false);
        var blocked = escalation(0.90, null, "it states a price its sources do not", false);
        var none = escalation(0.05, null, null, false);

        assertThat(assembler.suggestedReply(weak)).isEmpty();
        assertThat(assembler.suggestedReply(blocked)).isEmpty();
        assertThat(ContextAssembler.aiAnswer(blocked))
                .isEqualTo("Not sent: a guardrail stopped the bot's answer (it states a price its sources do not) · confidence 0.90");
        assertThat(assembler.suggestedReply(none)).isEmpty();
        assertThat(ContextAssembler.aiAnswer(none)).isEqualTo("(the bot found nothing in the knowledge base it trusted · confidence 0.05)");
        assertThat(new ContextAssembler(new HandoffSettings(0.25, "UTC")).suggestedReply(weak))
                .as("the floor is a setting").isEqualTo("Orders ship within two days.");
    }

    @Test
    void whenTheAgentKeptTheConversationTheBotsEarlierAttemptIsNotOfferedAgain() {
        var again = escalation(0.90, "Orders ship within two days.", null, true);

        var context = assemble(again, customer("Ann", Map.of()), List.of(in("webchat", TEN, "and one more thing")));

        assertThat(context.suggestedReply()).isEmpty();
        assertThat(context.aiAnswer()).contains("you kept the conversation");
        assertThat(context.sources()).isEqualTo("(none)");
        assertThat(context.reasons()).startsWith("• you kept this conversation and the customer wrote again\n")
                .contains("• earlier: customer asked for a person");
    }

    @Test
    void anOutOfScopeQuestionSaysSoWithTheBestScore() {
        var outOfScope = new Escalation(CONVERSATION, null, 0.21, true, null, null, List.of(), null, "", "support", 50,
                null, null, false);

        assertThat(ContextAssembler.intent(outOfScope)).isEqualTo("out of scope: no known intent fits (best score 0.21)");
        assertThat(ContextAssembler.reasons(outOfScope)).isEqualTo("(the rules gave no reason)");
    }

    @Test
    void detailsGatheredReadAsLines() {
        assertThat(ContextAssembler.details("{\"orderNumber\":\"A-1042\",\"device\":\"Dual Boiler\",\"error\":\"E3\"}"))
                .isEqualTo("Order number: A-1042\nDevice: Dual Boiler\nError: E3");
        assertThat(ContextAssembler.details(null)).isEqualTo("(none gathered)");
        assertThat(ContextAssembler.details(" ")).isEqualTo("(none gathered)");
        assertThat(ContextAssembler.details("{}")).isEqualTo("(none gathered)");
        assertThat(ContextAssembler.details("order A-1042")).as("shown, never a failed task")
                .isEqualTo("(not a JSON object; shown as the journey gave it)\norder A-1042");
    }

    @Test
    void routingShowsQueuePriorityAndTheDueDateInTheAgentsZone() {
        var berlin = new ContextAssembler(new HandoffSettings(0.30, "Europe/Berlin"));

        assertThat(berlin.routing(routed("2026-03-02T16:00:00Z"))).isEqualTo("vip queue · priority 80 · due Mon 2 Mar 2026, 17:00 (Europe/Berlin)");
        assertThat(berlin.routing(routed("2026-03-02T17:00:00+01:00"))).endsWith("due Mon 2 Mar 2026, 17:00 (Europe/Berlin)");
        assertThat(berlin.routing(routed("2026-03-02T17:00"))).endsWith("due Mon 2 Mar 2026, 17:00 (Europe/Berlin)");
        assertThat(berlin.routing(routed("2026-03-02"))).endsWith("due Mon 2 Mar 2026");
        assertThat(berlin.routing(routed("next Monday"))).endsWith("due next Monday");
        assertThat(berlin.routing(routed(null))).isEqualTo("vip queue · priority 80 · no due date");
    }

    @Test
    void theSummaryNamesTheCustomerTheirChannelAndTheirLastWords() {
        var messages = List.of(in("webchat", TEN, "first"), out(Author.BOT, "webchat", TEN, "ok"),
                in("whatsapp", TEN.plusMinutes(1), "I want to talk to a person " + "please ".repeat(20)));

        String summary = ContextAssembler.summary(customer("Sheena Nelson", Map.of()), messages);

        assertThat(summary).startsWith("“I want to talk to a person please").endsWith("…” — Sheena Nelson on whatsapp");
        assertThat(summary.length()).isLessThan(130);
    }

    @Test
    void everyPartIsAStringThatFitsAVariable() {
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("history", "x".repeat(5_000));

        var variables = assemble(escalation(), customer("Ann", big), List.of(in("webchat", TEN, "hi"))).asVariables();

        assertThat(variables.keySet()).containsExactlyElementsOf(HandoffContext.KEYS);
        assertThat(variables.values()).allSatisfy(value -> assertThat(value).isNotNull().hasSizeLessThanOrEqualTo(4_000));
        assertThat(variables.get("customer")).startsWith("Ann\n").endsWith("[… cut to fit]");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private HandoffContext assemble(Escalation escalation, Customer customer, List<Message> messages) {
        return assembler.assemble(escalation, customer, List.of(), messages, List.of());
    }

    private static Escalation escalation() {
        return new Escalation(CONVERSATION, "order-status", 0.91, false, "Orders ship within two days.", 0.62,
                List.of(new MessageCitation("Shipping", "shipping.md", "How long does shipping take?"),
                        new MessageCitation("FAQ", "https://larkspur.example/faq", null)),
                null, "customer asked for a person\nVIP plan", "support", 50, null, null, false);
    }

    private static Escalation escalation(double confidence, String text, String blocked, boolean agentKeeps) {
        return new Escalation(CONVERSATION, "order-status", 0.91, false, text, confidence, List.of(), blocked,
                "customer asked for a person", "support", 50, null, null, agentKeeps);
    }

    private static Escalation routed(String due) {
        return new Escalation(CONVERSATION, "billing", 0.8, false, null, null, List.of(), null, "", "vip", 80, null, due,
                false);
    }

    /** An object as Jackson reads one: its keys in order. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Customer customer(String name, Map<String, Object> attributes) {
        return new Customer(UUID.randomUUID(), name, attributes, null, List.of(), TEN, null);
    }

    private Message in(String channel, OffsetDateTime at, String text) {
        return new Message(UUID.randomUUID(), ++seq, CONVERSATION, Direction.IN, Author.CUSTOMER, channel, "p-" + seq,
                text, List.of(), DeliveryStatus.RECEIVED, at, at);
    }

    private Message out(Author author, String channel, OffsetDateTime at, String text) {
        return new Message(UUID.randomUUID(), ++seq, CONVERSATION, Direction.OUT, author, channel, null, text, List.of(),
                DeliveryStatus.SENT, at, at.plusSeconds(1));
    }

    private Message failed(OffsetDateTime at, String text) {
        return new Message(UUID.randomUUID(), ++seq, CONVERSATION, Direction.OUT, Author.BOT, "email", null, text,
                List.of(), DeliveryStatus.FAILED, at, null);
    }

    private Message queued(OffsetDateTime at, String text) {
        return new Message(UUID.randomUUID(), ++seq, CONVERSATION, Direction.OUT, Author.BOT, "email", null, text,
                List.of(), DeliveryStatus.QUEUED, at, null);
    }
}
