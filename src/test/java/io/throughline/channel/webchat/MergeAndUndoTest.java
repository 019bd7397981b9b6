package io.throughline.channel.webchat;

import static io.throughline.channel.webchat.SignedIdentityTest.body;
import static io.throughline.channel.webchat.SignedIdentityTest.identityPath;
import static io.throughline.channel.webchat.SignedIdentityTest.sign;
import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import io.throughline.support.EventStream;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two visitors, each with a conversation, prove the same email: one customer, one open conversation; an agent undoes
 * the merge and each is back to what they had.
 */
class MergeAndUndoTest extends ChannelTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    record Chat(String visitor, String customer, String conversation) {}

    @Test
    void twoVisitorsProvingOneEmailBecomeOneCustomerUntilTheMergeIsUndone() throws Exception {
        String email = "sam." + UUID.randomUUID() + "@example.com";
        Chat first = chat("How long does shipping take?");
        assertThat(api.post(identityPath(first.visitor()), body(email, sign(email))).json().path("merged").asBoolean()).isFalse();
        Chat second = chat("Do you ship to Belgium?");
        List<String> secondsMessages = messageIds(second.conversation());

        var merged = api.post(identityPath(second.visitor()), body(email, sign(email)));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().path("merged").asBoolean()).isTrue();
        assertThat(merged.json().path("customerId").asText()).as("the older customer survives").isEqualTo(first.customer());
        JsonNode survivor = customer(first.customer());
        assertThat(survivor.path("identities").findValuesAsText("value")).contains(first.visitor(), second.visitor(), email);
        assertThat(openConversations(survivor)).containsExactly(first.conversation());
        assertThat(messageIds(first.conversation())).containsAll(secondsMessages);
        JsonNode merge = survivor.path("merges").get(0);
        assertThat(merge.path("absorbedId").asText()).isEqualTo(second.customer());
        assertThat(merge.path("proof").asText()).isEqualTo("signed-identity");
        assertThat(customer(second.customer()).path("customer").path("mergedInto").asText()).isEqualTo(first.customer());
        String undo = "/api/customers/merges/" + merge.path("id").asText() + "/undo";

        assertThat(api.post(undo, "").status()).as("login required").isEqualTo(401);
        var undone = api.postAs(DEMO, undo, "");
        var twice = api.postAs(DEMO, undo, "");

        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.json().path("undoneBy").asText()).isEqualTo("demo");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("field").asText()).isEqualTo("mergeId");
        JsonNode firstAgain = customer(first.customer());
        JsonNode secondAgain = customer(second.customer());
        assertThat(firstAgain.path("identities").findValuesAsText("value")).containsExactlyInAnyOrder(first.visitor(), email);
        assertThat(secondAgain.path("identities").findValuesAsText("value")).containsExactly(second.visitor());
        assertThat(openConversations(firstAgain)).containsExactly(first.conversation());
        assertThat(openConversations(secondAgain)).containsExactly(second.conversation());
        assertThat(messageIds(second.conversation())).containsAll(secondsMessages);
        assertThat(messageIds(first.conversation())).doesNotContainAnyElementsOf(secondsMessages);
        assertThat(secondAgain.path("customer").path("mergedInto").isNull()).isTrue();
        var next = api.post("/api/webchat/" + second.visitor() + "/messages", message("Still there?", "after-undo"));
        assertThat(next.json().path("conversationId").asText()).isEqualTo(second.conversation());
    }

    @Test
    void afterAMergeTheAbsorbedVisitorWritesIntoTheOneOpenConversationAndTheBotAnswersThere() throws Exception {
        String email = "kim." + UUID.randomUUID() + "@example.com";
        Chat first = chat("How long does shipping take?");
        api.post(identityPath(first.visitor()), body(email, sign(email)));
        Chat second = chat("How do I reset my password?");
        try (var secondsStream = new EventStream(api.base() + "/api/webchat/" + second.visitor() + "/events", null)) {
            assertThat(secondsStream.await(e -> e.path("author").asText().equals("bot"), JourneyWait.PATIENCE)).isNotNull();
            api.post(identityPath(second.visitor()), body(email, sign(email)));

            var next = api.post("/api/webchat/" + second.visitor() + "/messages",
                    message("What payment methods do you accept?", "n-1"));
            JourneyWait.awaitSettled(runtime, jdbc, first.conversation());

            assertThat(next.json().path("customerId").asText()).isEqualTo(first.customer());
            assertThat(next.json().path("conversationId").asText()).isEqualTo(first.conversation());
            JsonNode transcript = api.getAs(DEMO, "/api/conversations/" + first.conversation()).json().path("messages");
            assertThat(transcript.findValuesAsText("text")).containsSubsequence("How long does shipping take?",
                    "How do I reset my password?", "What payment methods do you accept?");
            assertThat(transcript.get(transcript.size() - 1).path("author").asText())
                    .as("the bot read the question in the one conversation and answered it").isEqualTo("bot");
            String answer = transcript.get(transcript.size() - 1).path("id").asText();
            assertThat(secondsStream.await(e -> e.path("id").asText().equals(answer), JourneyWait.PATIENCE))
                    .as("the absorbed visitor's open stream follows them to the one conversation").isNotNull();
        }
    }

    private Chat chat(String text) throws InterruptedException {
        String visitor = UUID.randomUUID().toString();
        Api.Response sent = api.post("/api/webchat/" + visitor + "/messages", message(text, "c-1"));
        String conversation = sent.json().path("conversationId").asText();
        JourneyWait.awaitSettled(runtime, jdbc, conversation);
        return new Chat(visitor, sent.json().path("customerId").asText(), conversation);
    }

    private JsonNode customer(String id) {
        return api.getAs(DEMO, "/api/customers/" + id).json();
    }

    private static List<String> openConversations(JsonNode record) {
        List<String> open = new java.util.ArrayList<>();
        record.path("conversations").forEach(c -> {
            if (c.path("status").asText().equals("OPEN")) {
                open.add(c.path("id").asText());
            }
        });
        return open;
    }

    private List<String> messageIds(String conversation) {
        return jdbc.sql("select id from messages where conversation_id = ? order by seq")
                .param(UUID.fromString(conversation)).query(String.class).list();
    }
}
