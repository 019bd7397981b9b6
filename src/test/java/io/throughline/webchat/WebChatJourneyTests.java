package io.throughline.webchat;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.support.Api;
import io.throughline.support.EventStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one path a web-chat message takes, end to end over HTTP against the whole application: the real engine, the
 * real rules from rules/, the real embedding model over knowledge/. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class WebChatJourneyTests {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ProcessEngine thisContextsEngine;

    /** Tasklist and /engine-rest serve the engine registered last; make it this context's (see DefaultEngine). */
    @org.junit.jupiter.api.BeforeEach
    void serveThisContextsEngine() {
        io.throughline.support.DefaultEngine.use(thisContextsEngine);
    }


    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersGetsACitedReplyOnTheStream() throws Exception {
        String visitor = UUID.randomUUID().toString();
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "m-1"));

            assertThat(sent.status()).isEqualTo(202);
            assertThat(sent.json().fieldNames()).toIterable().contains("customerId", "conversationId", "messageId");
            var bot = stream.await(e -> e.path("author").asText().equals("bot"), PATIENCE);
            assertThat(bot).as("a bot reply on the stream").isNotNull();
            assertThat(bot.data().path("citations").findValuesAsText("source")).contains("shipping.md");
            assertThat(bot.data().path("text").asText()).containsIgnoringCase("business days");
            assertThat(bot.id()).isEqualTo(bot.data().path("id").asText());
            assertThat(bot.name()).isEqualTo("message");
            var own = stream.await(e -> e.path("author").asText().equals("customer"), PATIENCE);
            assertThat(own.data().path("id").asText()).isEqualTo(sent.json().path("messageId").asText());
            assertThat(stream.contentType()).startsWith("text/event-stream");
        }
    }

    @Test
    void askingForAPersonReachesAnAgentWithTheWholeContextAndTheirReplyComesBack() throws Exception {
        String visitor = UUID.randomUUID().toString();
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("I want to talk to a human agent please", "m-1"));
            String conversationId = sent.json().path("conversationId").asText();

            Task task = awaitTask(conversationId);
            Map<String, Object> local = tasks.getVariablesLocal(task.getId());
            assertThat((String) local.get("transcript")).contains("I want to talk to a human agent please");
            assertThat((String) local.get("reasons")).contains("customer asked for a person");
            assertThat(local).containsKeys("customer", "aiAnswer", "sources", "intent");
            assertThat((String) local.get("customer")).as("the visitor id is a secret; task variables are kept in history")
                    .contains("web chat visitor").doesNotContain(visitor);
            assertThat(tasks.getVariable(task.getId(), "reply")).isEqualTo("");
            assertThat(task.getFormKey()).isEqualTo("camunda-forms:deployment:handoff.form");
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), PATIENCE))
                    .as("the bot says a person is coming").isNotNull();

            var completed = api.postAs(DEMO, "/engine-rest/task/" + task.getId() + "/complete",
                    "{\"variables\":{\"reply\":{\"value\":\"Hello, Sam here. How can I help?\",\"type\":\"String\"}}}");
            assertThat(completed.status()).isEqualTo(204);

            var agent = stream.await(e -> e.path("author").asText().equals("agent"), PATIENCE);
            assertThat(agent).as("the agent's reply on the stream").isNotNull();
            assertThat(agent.data().path("text").asText()).isEqualTo("Hello, Sam here. How can I help?");
            var transcript = api.getAs(DEMO, "/api/conversations/" + conversationId);
            assertThat(transcript.status()).isEqualTo(200);
            assertThat(transcript.json().path("messages").findValuesAsText("author"))
                    .containsSubsequence("customer", "bot", "agent");
        }
    }

    @Test
    void aLongConversationStillReachesAnAgentWithItsLatestPartShown() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String longStory = "My espresso machine makes a strange noise and the water is cold. ".repeat(61).strip();
        var sent = api.post("/api/webchat/" + visitor + "/messages", message(longStory, "long-1"));
        api.post("/api/webchat/" + visitor + "/messages", message("I want to talk to a human agent please", "long-2"));

        Task task = awaitTask(sent.json().path("conversationId").asText());
        String transcript = (String) tasks.getVariableLocal(task.getId(), "transcript");

        assertThat(longStory.length()).isGreaterThan(3_900);
        assertThat(transcript.length()).isLessThanOrEqualTo(4_000);
        assertThat(transcript).startsWith("[… earlier part cut: GET /api/conversations/");
        assertThat(runtime.createIncidentQuery().count()).as("no step failed on a long text").isZero();
    }

    @Test
    void aVipCustomerReachesTheVipQueueWithAHigherPriority() throws Exception {
        String visitor = UUID.randomUUID().toString();
        var hello = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "vip-1"));
        String customer = hello.json().path("customerId").asText();

        var updated = api.putAs(DEMO, "/api/customers/" + customer + "/attributes", "{\"plan\":\"vip\",\"account\":\"A-1001\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(api.getAs(DEMO, "/api/customers?identity=visitor:" + visitor).json().path("customer")
                .path("attributes").path("plan").asText()).isEqualTo("vip");
        api.post("/api/webchat/" + visitor + "/messages", message("Can I speak to someone please?", "vip-2"));

        Task task = awaitTask(hello.json().path("conversationId").asText());
        assertThat(task.getPriority()).isEqualTo(80);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "vip".equals(link.getGroupId()));
        assertThat((String) tasks.getVariableLocal(task.getId(), "reasons")).contains("VIP plan");
    }

    @Test
    void aBookingRequestRoutesIntoTheBookingJourneyAndTheResolvedConversationIsRated() throws Exception {
        String visitor = UUID.randomUUID().toString();
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("I'd like to book a demo", "book-1"));
            String conversationId = sent.json().path("conversationId").asText();

            var offer = stream.await(e -> e.path("text").asText().contains("Reply with the number"), PATIENCE);
            assertThat(offer).as("three slots offered by the booking journey").isNotNull();
            assertThat(offer.data().path("text").asText()).contains("1. ").contains("2. ").contains("3. ");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("booking")
                    .processInstanceBusinessKey(conversationId).count()).as("called with the conversation as key").isEqualTo(1);

            api.post("/api/webchat/" + visitor + "/messages", message("2", "book-2"));
            var booked = stream.await(e -> e.path("text").asText().startsWith("You're booked"), PATIENCE);
            assertThat(booked).isNotNull();
            UUID conversation = UUID.fromString(conversationId);
            var bookedAt = jdbc.sql("select starts_at from bookings where conversation_id = ? and status = 'CONFIRMED'")
                    .param(conversation).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).single();
            assertThat(events(conversation, "BOOKING_CONFIRMED")).singleElement().asString().contains(bookedAt.toInstant().toString());
            boolean remindable = bookedAt.toInstant().minus(Duration.ofHours(24)).isAfter(java.time.Instant.now());
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("booking-reminder").variableValueEquals(
                    "conversationId", conversationId).count()).as("a reminder unless the session is within 24 hours")
                    .isEqualTo(remindable ? 1 : 0);

            assertThat(stream.await(e -> e.path("text").asText().startsWith("How did we do?"), PATIENCE)).isNotNull();
            assertThat(events(conversation, "RESOLVED")).containsExactly("booking-confirmed");
            assertThat(status(conversation)).as("a conversation ends when it is resolved").isEqualTo("RESOLVED");
            var rating = api.post("/api/webchat/" + visitor + "/messages", message("5 - so easy", "book-3"));
            assertThat(rating.json().path("conversationId").asText()).as("the rating belongs to the resolved conversation")
                    .isEqualTo(conversationId);
            assertThat(stream.await(e -> e.path("text").asText().startsWith("Thank you for your rating"), PATIENCE))
                    .isNotNull();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(conversationId).processDefinitionKey("general-support").count() > 0) {
                Thread.sleep(200);
            }
            assertThat(events(conversation, "CSAT")).containsExactly("{\"score\":5,\"comment\":\"so easy\"}");
            assertThat(status(conversation)).as("still resolved after its rating").isEqualTo("RESOLVED");
            var next = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "book-4"));
            assertThat(next.json().path("conversationId").asText()).as("anything but a rating opens a new conversation")
                    .isNotEqualTo(conversationId);
        }
    }

    @Test
    void theSameClientMessageIdAgainCreatesNothing() {
        String visitor = UUID.randomUUID().toString();
        var first = api.post("/api/webchat/" + visitor + "/messages", message("Do you ship to Belgium?", "same-id"));
        var again = api.post("/api/webchat/" + visitor + "/messages", message("Do you ship to Belgium?", "same-id"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'IN'")
                .param(UUID.fromString(first.json().path("conversationId").asText())).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aSecondVisitorIsASecondCustomerAndTwoVisitorsMayReuseAClientMessageId() {
        var ann = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", message("Hello", "c-1"));
        var bob = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", message("Hello", "c-1"));

        assertThat(bob.status()).isEqualTo(202);
        assertThat(bob.json().path("customerId")).isNotEqualTo(ann.json().path("customerId"));
        assertThat(bob.json().path("conversationId")).isNotEqualTo(ann.json().path("conversationId"));
    }

    @Test
    void badInputIsRefusedWithAClearErrorNamingTheField() {
        String visitor = UUID.randomUUID().toString();

        var malformed = api.post("/api/webchat/" + visitor + "/messages", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).contains("not valid JSON");

        var tooLong = api.post("/api/webchat/" + visitor + "/messages", message("x".repeat(4_001), "long"));
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.json().path("field").asText()).isEqualTo("text");
        assertThat(tooLong.json().path("error").asText()).contains("4,000");

        var notAUuid = api.post("/api/webchat/visitor-1/messages", message("hi", "c"));
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.json().path("field").asText()).isEqualTo("visitorId");

        var noText = api.post("/api/webchat/" + visitor + "/messages", "{\"clientMessageId\":\"c\"}");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().path("field").asText()).isEqualTo("text");

        assertThat(jdbc.sql("select count(*) from customer_identities where identity_value = ?").param(visitor)
                .query(Integer.class).single()).as("nothing stored for refused input").isZero();
    }

    @Test
    void conversationsAndCustomersNeedALogin() {
        var sent = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", message("Hello there", "c-1"));
        String conversation = "/api/conversations/" + sent.json().path("conversationId").asText();
        String customer = "/api/customers/" + sent.json().path("customerId").asText();

        assertThat(api.get(conversation).status()).isEqualTo(401);
        assertThat(api.get(conversation).json().path("error").asText()).contains("log in");
        assertThat(api.getAs("intruder:guess", conversation).status()).isEqualTo(401);
        assertThat(api.get(customer).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.getAs(DEMO, conversation).status()).isEqualTo(200);
        assertThat(api.getAs(DEMO, customer).json().path("conversations").size()).isEqualTo(1);
    }

    @Test
    void aReconnectWithLastEventIdGetsOnlyWhatCameAfter() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String firstId;
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            api.post("/api/webchat/" + visitor + "/messages", message("How do I reset my password?", "m-1"));
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), PATIENCE)).isNotNull();
            firstId = stream.events().get(stream.events().size() - 1).id();
        }
        api.post("/api/webchat/" + visitor + "/messages", message("And how long does shipping take?", "m-2"));

        try (var resumed = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", firstId);
             var fresh = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            JsonNode second = resumed.await(e -> e.path("text").asText().contains("shipping take"), PATIENCE).data();
            assertThat(second).isNotNull();
            assertThat(resumed.events()).noneMatch(e -> e.data().path("text").asText().contains("reset my password"));
            assertThat(fresh.await(e -> e.path("text").asText().contains("reset my password"), PATIENCE))
                    .as("a new connection replays the open conversation").isNotNull();
        }
    }

    @Test
    void messagesWrittenWhileTheBotIsBusyAreAllReadAndNoneWaitsUnanswered() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String conversation = null;
        for (int i = 0; i < 4; i++) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "busy-" + i));
            assertThat(sent.status()).as("accept never waits for, nor fails because of, a busy journey").isEqualTo(202);
            conversation = sent.json().path("conversationId").asText();
        }
        UUID id = UUID.fromString(conversation);

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && (unread(id) > 0 || !waitingForTheCustomer(conversation))) {
            Thread.sleep(200);
        }
        assertThat(unread(id)).as("customer messages the journey has not read").isZero();
        assertThat(waitingForTheCustomer(conversation)).as("the journey waits for the next message").isTrue();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation)
                .processDefinitionKey("general-support").singleResult().getId();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void theWidgetMayLiveOnAnotherSite() throws Exception {
        var preflight = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/webchat/" + UUID.randomUUID() + "/messages"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anArticleViewNotFollowedByAMessageCountsAsSelfService() {
        String from = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1).toString();
        String helped = UUID.randomUUID().toString();
        String stillWrote = UUID.randomUUID().toString();

        assertThat(api.post("/api/webchat/" + helped + "/article-views", "{\"path\":\"shipping.md\"}").status()).isEqualTo(202);
        assertThat(api.post("/api/webchat/" + stillWrote + "/article-views", "{\"path\":\"shipping.md\"}").status()).isEqualTo(202);
        api.post("/api/webchat/" + stillWrote + "/messages", message("The article did not say if you ship to Norway", "m-1"));
        assertThat(api.post("/api/webchat/" + helped + "/article-views", "{\"path\":\"https://evil.example/x\"}").status())
                .isEqualTo(400);

        var report = api.getAs(DEMO, "/api/insights/self-service?from=" + from).json();
        assertThat(report.path("articleViews").asLong()).isEqualTo(2);
        assertThat(report.path("visitors").asLong()).isEqualTo(2);
        assertThat(report.path("followedByContact").asLong()).isEqualTo(1);
        assertThat(report.path("selfServed").asLong()).isEqualTo(1);
        assertThat(report.path("selfServiceRate").asDouble()).isEqualTo(0.5);
        assertThat(report.path("articles").get(0).path("path").asText()).isEqualTo("shipping.md");
        assertThat(api.get("/api/insights/self-service").status()).as("login required").isEqualTo(401);
    }

    @Test
    void theStreamOfAVisitorWhoNeverWroteStaysOpenAndEmpty() throws Exception {
        try (var stream = new EventStream(api.base() + "/api/webchat/" + UUID.randomUUID() + "/events", null)) {
            Thread.sleep(1_000);
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.events()).isEmpty();
        }
    }

    private java.util.List<String> events(UUID conversationId, String type) {
        return jdbc.sql("select detail from conversation_events where conversation_id = ? and event_type = ? order by id")
                .params(conversationId, type).query(String.class).list();
    }

    private String status(UUID conversationId) {
        return jdbc.sql("select status from conversations where id = ?").param(conversationId).query(String.class).single();
    }

    private int unread(UUID conversationId) {
        return jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'IN' and handled = false")
                .param(conversationId).query(Integer.class).single();
    }

    private boolean waitingForTheCustomer(String conversationId) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(conversationId)
                .messageEventSubscriptionName("CustomerWrote").count() == 1;
    }

    private Task awaitTask(String conversationId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(conversationId).initializeFormKeys().singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task for conversation " + conversationId + " within " + PATIENCE);
    }
}
