package io.throughline.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.Accepted;
import io.throughline.conversation.Author;
import io.throughline.conversation.Conversation;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.Message;
import io.throughline.conversation.UnreadMessagesMoved;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linking proven identities and merging customers, on the real schema without Spring. Subclasses run it on H2 and on
 * PostgreSQL, where a failed statement would abort the transaction.
 */
abstract class CustomerMergesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    CustomerModule m;

    abstract CustomerModule module() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        m = module();
        m.events.clear();
    }

    @Test
    void aProvenIdentityNobodyHoldsJoinsTheProvingCustomerAndTheirConversationContinuesThere() {
        Identity visitor = visitor();
        Identity phone = phone();
        Accepted hello = accept("webchat", visitor, "Where is my order?");

        Linked linked = m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));
        Accepted onWhatsApp = accept("whatsapp", phone, "Writing from WhatsApp now");

        assertThat(linked.customerId()).isEqualTo(hello.customerId());
        assertThat(linked.merged()).isFalse();
        assertThat(m.customers.identitiesOf(hello.customerId()))
                .containsExactlyInAnyOrder(new KnownIdentity(visitor, false), new KnownIdentity(phone, true));
        assertThat(onWhatsApp.customerId()).isEqualTo(hello.customerId());
        assertThat(onWhatsApp.conversationId()).as("one conversation").isEqualTo(hello.conversationId());
        assertThat(texts(hello.conversationId())).containsExactly("Where is my order?", "Writing from WhatsApp now");
        assertThat(m.events(CustomersMerged.class)).isEmpty();
    }

    @Test
    void aVisitorWhoNeverWroteJoinsTheCustomerHoldingTheIdentityTheyProved() {
        Identity phone = phone();
        Accepted earlier = accept("whatsapp", phone, "Hi from WhatsApp");
        Identity visitor = visitor();

        Linked linked = m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));
        Accepted onTheWeb = accept("webchat", visitor, "Same person, now on the web");

        assertThat(linked.customerId()).isEqualTo(earlier.customerId());
        assertThat(linked.merged()).as("nothing to merge: the visitor had no record").isFalse();
        assertThat(onTheWeb.conversationId()).isEqualTo(earlier.conversationId());
        assertThat(m.customers.identitiesOf(earlier.customerId())).contains(new KnownIdentity(phone, true));
    }

    @Test
    void anUnprovenClaimNeverLinks() {
        Identity visitor = visitor();
        Identity phone = phone();
        Identity email = new Identity(IdentityType.EMAIL, "ann." + UUID.randomUUID() + "@example.com");
        Accepted typed = accept("webchat", visitor, "I am " + email.value() + ", phone " + phone.value());

        Accepted byMail = accept("email", email, "Hello, it's Ann (see my From header)");
        Accepted bySms = accept("sms", phone, "And this is my phone");

        assertThat(List.of(typed.customerId(), byMail.customerId(), bySms.customerId())).doesNotHaveDuplicates();
        assertThat(m.customers.identitiesOf(typed.customerId())).containsExactly(new KnownIdentity(visitor, false));
        assertThat(m.customers.identitiesOf(byMail.customerId())).containsExactly(new KnownIdentity(email, false));
        assertThat(List.of(typed, byMail, bySms)).allSatisfy(accepted ->
                assertThat(m.merges.ofCustomer(accepted.customerId())).isEmpty());
    }

    @Test
    void twoCustomersMergeIntoTheOlderWithOneOpenConversationAndUndoPutsBackExactlyWhatEachHad() {
        Identity phone = phone();
        Identity visitor = visitor();
        // the phone's customer: an old, resolved conversation, an open one with a bot reply, a plan from the CRM
        Accepted first = accept("whatsapp", phone, "Do you sell decaf?");
        m.inTransaction(() -> m.conversation.inbound.takeUnread(first.conversationId()));
        m.inTransaction(() -> m.conversation.resolutions.resolveUnlessCustomerWrote(first.conversationId(), "answered"));
        Accepted older = accept("whatsapp", phone, "My grinder arrived broken");
        m.inTransaction(() -> m.conversation.inbound.takeUnread(older.conversationId()));
        m.inTransaction(() -> m.conversation.outbound.record(older.conversationId(), Author.BOT, "Sorry to hear that!", List.of()));
        m.customers.replaceAttributes(older.customerId(), Map.of("plan", "vip"));
        backdate(older.customerId());
        // the visitor: a newer customer with an open conversation nobody has read yet
        Accepted web = accept("webchat", visitor, "Hello, I wrote on WhatsApp about my grinder");
        m.customers.replaceAttributes(web.customerId(), Map.of("plan", "basic", "account", "A-7"));
        Snapshot phonesBefore = snapshot(older.customerId());
        Snapshot visitorsBefore = snapshot(web.customerId());

        Linked linked = m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));

        UUID survivor = older.customerId();
        assertThat(linked.customerId()).as("the older record survives").isEqualTo(survivor);
        assertThat(linked.merged()).isTrue();
        assertThat(m.customers.identitiesOf(survivor))
                .containsExactlyInAnyOrder(new KnownIdentity(phone, true), new KnownIdentity(visitor, false));
        assertThat(m.customers.identitiesOf(web.customerId())).isEmpty();
        assertThat(m.customers.find(web.customerId()).orElseThrow().mergedInto()).isEqualTo(survivor);
        assertThat(m.customers.find(survivor).orElseThrow().attributes())
                .as("the survivor's own plan stays; what it lacked is added").isEqualTo(Map.of("plan", "vip", "account", "A-7"));
        List<Conversation> conversations = m.conversation.conversations.ofCustomer(survivor);
        assertThat(conversations).hasSize(3).filteredOn(Conversation::isOpen).singleElement()
                .extracting(Conversation::id).isEqualTo(older.conversationId());
        assertThat(m.conversation.conversations.find(web.conversationId()).orElseThrow())
                .extracting(Conversation::resolution, Conversation::mergedInto)
                .containsExactly("merged", older.conversationId());
        assertThat(texts(older.conversationId())).as("one transcript, in the order things were said")
                .containsExactly("My grinder arrived broken", "Sorry to hear that!", "Hello, I wrote on WhatsApp about my grinder");
        assertThat(m.events(UnreadMessagesMoved.class)).as("the journey is told to read the visitor's message")
                .containsExactly(new UnreadMessagesMoved(survivor, older.conversationId()));
        assertThat(m.events(CustomersMerged.class)).containsExactly(new CustomersMerged(linked.mergeId(), survivor, web.customerId()));
        assertThat(m.merges.ofCustomer(web.customerId())).singleElement().satisfies(merge -> {
            assertThat(merge.identity()).isEqualTo(phone);
            assertThat(merge.proof()).isEqualTo(Proof.ONE_TIME_CODE);
            assertThat(merge.moves()).extracting(MergeMove::kind)
                    .contains("identity", "verified", "attribute", "message", "conversation-closed", "conversation");
        });

        UndoOutcome undone = m.inTransaction(() -> m.merges.undo(linked.mergeId(), "demo"));

        assertThat(undone).isInstanceOf(UndoOutcome.Undone.class);
        assertThat(snapshot(survivor)).isEqualTo(phonesBefore);
        assertThat(snapshot(web.customerId())).isEqualTo(visitorsBefore);
        assertThat(m.events(CustomerMergeUndone.class)).hasSize(1);
        assertThat(m.inTransaction(() -> m.merges.undo(linked.mergeId(), "demo")))
                .isInstanceOf(UndoOutcome.AlreadyUndone.class);
        assertThat(accept("webchat", visitor, "Still me").conversationId()).as("the visitor is on their own again")
                .isEqualTo(web.conversationId());
    }

    @Test
    void afterAMergeEveryIdentityOfBothReachesTheOneOpenConversation() {
        Identity phone = phone();
        Identity visitor = visitor();
        Accepted onWhatsApp = accept("whatsapp", phone, "First on WhatsApp");
        backdate(onWhatsApp.customerId());
        Accepted onTheWeb = accept("webchat", visitor, "Then on the web");

        Linked linked = m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));
        Accepted again = accept("whatsapp", phone, "Back on WhatsApp");
        Accepted webAgain = accept("webchat", visitor, "And on the web");
        Message reply = m.inTransaction(() -> m.conversation.outbound.record(onTheWeb.conversationId(), Author.BOT,
                "An answer the closed conversation's journey was still writing", List.of()));

        assertThat(List.of(again.customerId(), webAgain.customerId())).containsOnly(linked.customerId());
        assertThat(List.of(again.conversationId(), webAgain.conversationId(), reply.conversationId()))
                .containsOnly(onWhatsApp.conversationId());
        assertThat(reply.channel()).as("the reply goes where the customer wrote last").isEqualTo("webchat");
    }

    @Test
    void aMergeIsUndoneOnlyAfterTheLaterMergesThatTookInOneOfItsCustomers() {
        Identity email = new Identity(IdentityType.EMAIL, "sam." + UUID.randomUUID() + "@example.com");
        Identity a = visitor();
        Identity b = visitor();
        Identity c = visitor();
        Accepted first = accept("webchat", a, "I am A");
        backdate(first.customerId());
        accept("webchat", b, "I am B");
        accept("webchat", c, "I am C");
        m.inTransaction(() -> m.links.link(a, email, Proof.SIGNED_IDENTITY));
        Linked bJoins = m.inTransaction(() -> m.links.link(b, email, Proof.SIGNED_IDENTITY));
        Linked cJoins = m.inTransaction(() -> m.links.link(c, email, Proof.SIGNED_IDENTITY));

        assertThat(List.of(bJoins.customerId(), cJoins.customerId())).containsOnly(first.customerId());
        assertThat(m.inTransaction(() -> m.merges.undo(bJoins.mergeId(), "demo")))
                .isEqualTo(new UndoOutcome.LaterMergeFirst(cJoins.mergeId()));
        assertThat(m.inTransaction(() -> m.merges.undo(cJoins.mergeId(), "demo"))).isInstanceOf(UndoOutcome.Undone.class);
        assertThat(m.inTransaction(() -> m.merges.undo(bJoins.mergeId(), "demo"))).isInstanceOf(UndoOutcome.Undone.class);
        assertThat(m.customers.identitiesOf(first.customerId()))
                .containsExactlyInAnyOrder(new KnownIdentity(a, false), new KnownIdentity(email, true));
        assertThat(m.inTransaction(() -> m.merges.undo(UUID.randomUUID(), "demo"))).isInstanceOf(UndoOutcome.NotFound.class);
    }

    @Test
    void provingAnIdentityOneHoldsAlreadyVerifiesItAndMergesNothing() {
        Identity visitor = visitor();
        Identity phone = phone();
        accept("webchat", visitor, "Hi");
        m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));

        Linked again = m.inTransaction(() -> m.links.link(visitor, phone, Proof.ONE_TIME_CODE));

        assertThat(again.merged()).isFalse();
        assertThat(m.customers.identitiesOf(again.customerId())).contains(new KnownIdentity(phone, true));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    record Snapshot(String customer, Map<String, Object> attributes, List<String> identities, List<String> conversations,
                    List<String> messages) {}

    /** Everything a customer has, in a form two points in time can be compared by. */
    Snapshot snapshot(UUID customerId) {
        String customer = m.jdbc.sql("select display_name, preferred_channel, merged_into from customers where id = ?")
                .param(customerId).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single();
        Map<String, Object> attributes = m.jdbc.sql("select attributes from customers where id = ?").param(customerId)
                .query((rs, n) -> readMap(rs.getString(1))).single();
        List<String> identities = m.jdbc.sql("select identity_type, identity_value, verified from customer_identities "
                        + "where customer_id = ? order by identity_type, identity_value").param(customerId)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBoolean(3)).list();
        List<String> conversations = m.jdbc.sql("select id, status, resolution, merged_into, resolved_at from conversations "
                        + "where customer_id = ? order by id").param(customerId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getObject(5, OffsetDateTime.class)).list();
        List<String> messages = m.jdbc.sql("select m.id, m.conversation_id, m.handled from messages m join conversations c "
                        + "on c.id = m.conversation_id where c.customer_id = ? order by m.seq").param(customerId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3)).list();
        return new Snapshot(customer, attributes, identities, conversations, messages);
    }

    Accepted accept(String channel, Identity sender, String text) {
        return m.inTransaction(() -> m.conversation.inbound.accept(
                new InboundMessage(channel, UUID.randomUUID().toString(), sender, null, text)));
    }

    List<String> texts(UUID conversationId) {
        return m.conversation.messages.transcript(conversationId).stream().map(Message::text).toList();
    }

    /** Makes the customer a day older, so which one is older does not hang on the clock's resolution. */
    void backdate(UUID customerId) {
        m.jdbc.sql("update customers set created_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), customerId).update();
    }

    static Identity visitor() {
        return Identity.visitor(UUID.randomUUID().toString());
    }

    static Identity phone() {
        return new Identity(IdentityType.PHONE, "+4915" + (100_000_000L + (long) (Math.random() * 899_999_999L)));
    }

    private static Map<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
