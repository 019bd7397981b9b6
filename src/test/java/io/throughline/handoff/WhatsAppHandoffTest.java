package io.throughline.handoff;

import static io.throughline.channel.meta.MetaWebhooks.await;
import static io.throughline.channel.meta.MetaWebhooks.awaitTrue;
import static io.throughline.channel.meta.MetaWebhooks.json;
import static io.throughline.channel.meta.MetaWebhooks.postSigned;
import static io.throughline.support.Api.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub.Request;
import io.throughline.support.ProviderStub.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handoff end to end over a real non-web channel: WhatsApp webhooks signed as Meta signs them, the agent working the
 * task through the engine's REST API as Tasklist does, and the reply arriving at the stand-in for the Graph API. The
 * note the agent adds never reaches the customer.
 */
class WhatsAppHandoffTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PERSON_PLEASE = "I want to talk to a human agent please";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    String webhook;

    @BeforeEach
    void cloudApiAnswersWithAWamid() {
        webhook = api.base() + "/webhooks/whatsapp";
        PROVIDERS.answer(sendPath(), request -> Response.json(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"%1$s","wa_id":"%1$s"}],"messages":[{"id":"wamid.%2$s"}]}"""
                .formatted(json(request).path("to").asText(), UUID.randomUUID())));
    }

    @Test
    void aWhatsAppCustomerReachesTheSupportQueueWithTheWholeContextAndTheAgentsReplyArrivesOnWhatsApp() throws Exception {
        String from = newNumber();
        String wamid = newWamid();
        whatsApp(from, wamid, "How long does shipping take?");
        await(PROVIDERS, sentTo(from), 1, "the bot's answer");
        UUID customer = customerOf(from);
        var updated = api.putAs(DEMO, "/api/customers/" + customer + "/attributes", """
                {"plan":"plus","account":"A-1001","orders":[{"orderNumber":"A-1042","status":"shipped"}]}""");
        assertThat(updated.status()).isEqualTo(200);
        whatsApp(from, newWamid(), PERSON_PLEASE);
        UUID conversation = conversationOf(wamid);

        Task task = awaitTask(conversation, null);

        assertThat(task.getFormKey()).isEqualTo("camunda-forms:deployment:handoff.form");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("support");
        Map<String, Object> local = tasks.getVariablesLocal(task.getId());
        assertThat(local).containsKeys(HandoffContext.KEYS.toArray(String[]::new));
        assertThat(local.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat(text(local, "summary")).isEqualTo("“" + PERSON_PLEASE + "” — Sheena Nelson on whatsapp");
        assertThat(text(local, "customer")).startsWith("Sheena Nelson\n")
                .contains("phone +" + from + " (WhatsApp, SMS)", "Plan: plus", "Account: A-1001",
                        "  • order number: A-1042 · status: shipped")
                .doesNotContain("{", "[");
        assertThat(text(local, "transcript")).containsPattern("\\d\\d:\\d\\d customer \\(whatsapp\\): How long does shipping take\\?")
                .containsPattern("\\d\\d:\\d\\d bot \\(whatsapp\\): ")
                .containsPattern("\\d\\d:\\d\\d customer \\(whatsapp\\): " + PERSON_PLEASE);
        assertThat(text(local, "intent")).matches("human \\(score \\d\\.\\d\\d\\)");
        assertThat(text(local, "reasons")).contains("• customer asked for a person");
        assertThat(text(local, "routing")).startsWith("support queue · priority " + task.getPriority());
        assertThat(text(local, "details")).isEqualTo("(none gathered)");
        assertThat(text(local, "aiAnswer")).isNotBlank();
        assertThat(tasks.getVariable(task.getId(), "reply")).as("every task starts with reply empty").isEqualTo("");

        String reply = "Hi Sheena, Sam here. Order A-1042 is on its way.";
        String note = "internal: checked the carrier, parcel scanned in Leipzig " + UUID.randomUUID();
        complete(task, Map.of("reply", reply, "note", note));

        Request sent = await(PROVIDERS, sentTo(from).and(body(reply)), 1, "the agent's reply on WhatsApp").get(0);
        assertThat(json(sent).path("text").path("body").asText()).isEqualTo(reply);
        var transcript = api.getAs(DEMO, "/api/conversations/" + conversation).json();
        assertThat(transcript.path("messages").findValuesAsText("text")).contains(reply).doesNotContain(note);
        assertThat(transcript.path("notes").findValuesAsText("text")).containsExactly(note);
        assertThat(PROVIDERS.requests(r -> r.bodyText().contains(note))).as("the note never leaves").isEmpty();
        var journeyVariables = history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .list().stream().filter(v -> v.getTaskId() == null).toList();
        assertThat(journeyVariables).as("the context went with the task")
                .extracting(HistoricVariableInstance::getName)
                .doesNotContain("summary", "customer", "transcript", "routing", "aiAnswer", "sources", "suggestedReply");
        assertThat(journeyVariables).as("the task's readable intent and reasons only shadowed the journey's own")
                .filteredOn(v -> List.of("intent", "reasons").contains(v.getName()))
                .extracting(HistoricVariableInstance::getValue).containsExactlyInAnyOrder("human", "customer asked for a person");
    }

    @Test
    void aCustomerWhoMovedFromWebChatToWhatsAppGetsTheReplyOnWhatsAppAndHandBackReturnsThemToTheBot() throws Exception {
        String visitor = UUID.randomUUID().toString();
        var sent = api.post("/api/webchat/" + visitor + "/messages", Api.message(PERSON_PLEASE, "w-1"));
        UUID conversation = UUID.fromString(sent.json().path("conversationId").asText());
        Task first = awaitTask(conversation, null);
        assertThat(text(tasks.getVariablesLocal(first.getId()), "transcript")).contains("customer (webchat): " + PERSON_PLEASE);
        String from = newNumber();
        prove(visitor, from);
        String wamid = newWamid();
        whatsApp(from, wamid, "I'm on WhatsApp now, it is about order A-1042");
        assertThat(conversationOf(wamid)).as("the same conversation, on another channel").isEqualTo(conversation);

        String reply = "Thanks! Looking at A-1042 now.";
        complete(first, Map.of("reply", reply, "note", "moved to WhatsApp mid-conversation"));

        await(PROVIDERS, sentTo(from).and(body(reply)), 1, "the reply on WhatsApp, where the customer wrote last");
        assertThat(channelOf(conversation, reply)).isEqualTo("whatsapp");
        Task second = awaitTask(conversation, first.getId());
        String transcript = text(tasks.getVariablesLocal(second.getId()), "transcript");
        assertThat(transcript.lines().filter(line -> !line.startsWith("—")).map(line -> line.substring(6)).toList())
                .as("the next task's transcript: every channel, the note marked internal")
                .containsExactly(
                        "customer (webchat): " + PERSON_PLEASE,
                        "bot (webchat): Let me bring in a person from our team — they'll reply right here.",
                        "customer (whatsapp): I'm on WhatsApp now, it is about order A-1042",
                        "agent, internal note (never sent): moved to WhatsApp mid-conversation",
                        "agent (whatsapp): " + reply);
        assertThat(text(tasks.getVariablesLocal(second.getId()), "reasons")).startsWith("• you kept this conversation");
        assertThat(text(tasks.getVariablesLocal(second.getId()), "customer"))
                .contains("web chat visitor (id hidden) · phone +" + from + " (WhatsApp, SMS), proven");

        complete(second, Map.of("reply", "Our assistant can take it from here.", "outcome", "hand-back"));
        await(PROVIDERS, sentTo(from).and(body("Our assistant can take it from here.")), 1, "the hand-back reply");
        whatsApp(from, newWamid(), "How long does shipping take?");

        Request bot = await(PROVIDERS, sentTo(from).and(r -> json(r).path("text").path("body").asText()
                .toLowerCase().contains("business days")), 1, "the bot's answer after the hand-back").get(0);
        assertThat(bot).isNotNull();
        assertThat(authorOf(conversation, "How long does shipping take?")).isEqualTo("customer");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(conversation.toString()).count())
                .as("the bot answered; no agent task").isZero();
    }

    @Test
    void resolveEndsTheConversationAndAWrongOutcomeIsRefused() throws Exception {
        String from = newNumber();
        String wamid = newWamid();
        whatsApp(from, wamid, PERSON_PLEASE);
        UUID conversation = conversationOf(wamid);
        Task task = awaitTask(conversation, null);

        var refused = completeAs(task, Map.of("reply", "Bye", "outcome", "later"));
        assertThat(refused.status()).as(refused.body()).isNotEqualTo(204);
        assertThat(refused.json().path("message").asText())
                .contains("outcome must be one of reply, hand-back, resolve (or absent, which means reply); got \"later\"");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays").isOne();

        complete(task, Map.of("reply", "Glad that is sorted. Have a good day!", "outcome", "resolve"));

        await(PROVIDERS, sentTo(from).and(body("Glad that is sorted. Have a good day!")), 1, "the closing reply");
        awaitTrue(() -> "RESOLVED".equals(api.getAs(DEMO, "/api/conversations/" + conversation).json().path("status").asText()),
                "the conversation is resolved");
        assertThat(api.getAs(DEMO, "/api/conversations/" + conversation).json().path("resolution").asText())
                .isEqualTo("resolved-by-agent");
        await(PROVIDERS, sentTo(from).and(r -> json(r).path("text").path("body").asText().startsWith("How did we do?")), 1,
                "the rating question on WhatsApp");
        whatsApp(from, newWamid(), "4");
        awaitTrue(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString()).count() == 0,
                "the journey ended after the rating");
        assertThat(api.getAs(DEMO, "/api/conversations/" + conversation).json().path("messages").findValuesAsText("text"))
                .as("the rating is in the resolved conversation").contains("4");
        assertThat(PROVIDERS.requests(sentTo(from).and(body("Bye")))).isEmpty();
    }

    @Test
    void eachQueueIsAGroupAndATasklistFilterHighestPriorityFirstThenEarliestDue() throws Exception {
        var filters = api.getAs(DEMO, "/engine-rest/filter?resourceType=Task").json();
        assertThat(names(filters)).contains("All tasks", "Support queue", "Billing queue", "Sales queue",
                "VIP queue");
        assertThat(api.getAs(DEMO, "/engine-rest/group?member=demo").json().findValuesAsText("id"))
                .contains("support", "billing", "sales", "vip");
        String agent = "agent" + UUID.randomUUID().toString().substring(0, 8);
        var user = identity.newUser(agent);
        user.setPassword("secret-" + agent);
        identity.saveUser(user);
        identity.createMembership(agent, "billing");
        assertThat(names(api.getAs(agent + ":secret-" + agent, "/engine-rest/filter?resourceType=Task").json()))
                .as("a billing agent sees the billing queue, and no other filter")
                .containsExactly("Billing queue");

        String a = newNumber();
        String b = newNumber();
        String c = newNumber();
        String wa = newWamid();
        String wb = newWamid();
        String wc = newWamid();
        whatsApp(a, wa, PERSON_PLEASE);
        Task older = awaitTask(conversationOf(wa), null);
        whatsApp(b, wb, PERSON_PLEASE);
        Task dueSooner = awaitTask(conversationOf(wb), null);
        whatsApp(c, wc, PERSON_PLEASE);
        Task urgent = awaitTask(conversationOf(wc), null);
        Instant now = Instant.now();
        tasks.setDueDate(older.getId(), Date.from(now.plusSeconds(7_200)));
        tasks.setDueDate(dueSooner.getId(), Date.from(now.plusSeconds(3_600)));
        tasks.setPriority(urgent.getId(), 70);
        String support = StreamSupport.stream(filters.spliterator(), false)
                .filter(f -> f.path("name").asText().equals("Support queue")).findFirst().orElseThrow().path("id").asText();

        // Tasklist asks for the newest first; the filter's own order comes before it
        var listed = api.postAs(DEMO, "/engine-rest/filter/" + support + "/list?firstResult=0&maxResults=1000",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> ids = StreamSupport.stream(listed.json().spliterator(), false).map(t -> t.path("id").asText()).toList();
        assertThat(ids.stream().filter(List.of(older.getId(), dueSooner.getId(), urgent.getId())::contains))
                .containsExactly(urgent.getId(), dueSooner.getId(), older.getId());
        var priorities = StreamSupport.stream(listed.json().spliterator(), false).map(t -> t.path("priority").asInt()).toList();
        assertThat(priorities).isSortedAccordingTo((x, y) -> Integer.compare(y, x));
    }

    @Test
    void theBotsAnswerIsOfferedAsASuggestedReplyWhileTheReplyStartsEmpty() throws Exception {
        String wamid = newWamid();
        whatsApp(newNumber(), wamid, "Can I speak to a person about how long shipping takes?");
        Task task = awaitTask(conversationOf(wamid), null);
        Map<String, Object> local = tasks.getVariablesLocal(task.getId());

        String aiAnswer = text(local, "aiAnswer");
        assertThat(aiAnswer).as("escalated with an answer the rules would not send")
                .matches("(?s)Not sent to the customer · confidence 0\\.\\d\\d\n\n.*business days.*");
        double confidence = Double.parseDouble(aiAnswer.substring(aiAnswer.indexOf("confidence ") + 11, aiAnswer.indexOf('\n')));
        assertThat(text(local, "suggestedReply")).as("offered from a confidence of %.2f on; this one is %.2f",
                        HandoffSettings.defaults().suggestFromConfidence(), confidence)
                .isEqualTo(confidence >= HandoffSettings.defaults().suggestFromConfidence()
                        ? aiAnswer.substring(aiAnswer.indexOf("\n\n") + 2) : "");
        assertThat(text(local, "sources")).contains("shipping.md");
        assertThat(tasks.getVariable(task.getId(), "reply")).isEqualTo("");
        complete(task, Map.of("outcome", "resolve"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void whatsApp(String from, String wamid, String text) {
        var response = postSigned(webhook, WHATSAPP_APP_SECRET, textMessage(from, wamid, "Sheena Nelson", text));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The visitor proves the phone number with the one-time code the app texts to it (the identity work's flow). */
    private void prove(String visitor, String digits) throws InterruptedException {
        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs", "{\"type\":\"phone\",\"value\":\"+" + digits + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Request carrier = await(PROVIDERS, r -> r.bodyText().contains(digits) && CODE.matcher(r.bodyText()).find(), 1,
                "the one-time code to +" + digits).get(0);
        Matcher code = CODE.matcher(URLDecoder.decode(carrier.bodyText(), StandardCharsets.UTF_8));
        assertThat(code.find()).isTrue();
        var proven = api.post("/api/webchat/" + visitor + "/identity-proofs/" + asked.json().path("proofId").asText(),
                "{\"code\":\"" + code.group(1) + "\"}");
        assertThat(proven.status()).as(proven.body()).isEqualTo(200);
    }

    private void complete(Task task, Map<String, String> variables) {
        var completed = completeAs(task, variables);
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    /** As Tasklist's REST client completes a task: String variables in the engine's JSON shape, logged in as demo. */
    private Api.Response completeAs(Task task, Map<String, String> variables) {
        String typed = variables.entrySet().stream()
                .map(v -> Api.quote(v.getKey()) + ":{\"value\":" + Api.quote(v.getValue()) + ",\"type\":\"String\"}")
                .collect(Collectors.joining(","));
        return api.postAs(DEMO, "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{" + typed + "}}");
    }

    private Task awaitTask(UUID conversation, String notThisOne) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(conversation.toString()).initializeFormKeys()
                    .singleResult();
            if (task != null && !task.getId().equals(notThisOne)) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + (notThisOne == null ? "" : "new ") + "task for conversation " + conversation
                + " within " + PATIENCE);
    }

    private UUID conversationOf(String wamid) throws InterruptedException {
        awaitTrue(() -> jdbc.sql("select count(*) from messages where provider_message_id = ?").param(wamid)
                .query(Integer.class).single() == 1, "the message " + wamid + " is stored");
        return jdbc.sql("select conversation_id from messages where channel = 'whatsapp' and provider_message_id = ?")
                .param(wamid).query(UUID.class).single();
    }

    private UUID customerOf(String from) {
        return UUID.fromString(api.getAs(DEMO, "/api/customers?identity=phone:%2B" + from).json().path("customer")
                .path("id").asText());
    }

    private String channelOf(UUID conversation, String text) {
        return jdbc.sql("select channel from messages where conversation_id = ? and text = ?").params(conversation, text)
                .query(String.class).single();
    }

    private String authorOf(UUID conversation, String text) {
        return jdbc.sql("select author from messages where conversation_id = ? and text = ? order by seq desc limit 1")
                .params(conversation, text).query(String.class).single();
    }

    private static List<String> names(JsonNode filters) {
        return StreamSupport.stream(filters.spliterator(), false).map(f -> f.path("name").asText()).toList();
    }

    private static String text(Map<String, Object> variables, String name) {
        return (String) variables.get(name);
    }

    /** The send path at the default API version; a send elsewhere is answered {@code {}}, which a send survives too. */
    private static String sendPath() {
        return "/whatsapp/v25.0/" + WHATSAPP_PHONE_NUMBER_ID + "/messages";
    }

    private static Predicate<Request> sentTo(String number) {
        return r -> r.path().startsWith("/whatsapp/") && r.path().endsWith("/" + WHATSAPP_PHONE_NUMBER_ID + "/messages")
                && number.equals(json(r).path("to").asText());
    }

    private static Predicate<Request> body(String text) {
        return r -> text.equals(json(r).path("text").path("body").asText());
    }

    /** Meta's example notification for a text message (WhatsApp Cloud API, webhooks reference, messages: text). */
    private static String textMessage(String from, String wamid, String name, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":%s},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","text":{"body":%s},"type":"text"}]},\
                "field":"messages"}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID, Api.quote(name), from, from, wamid,
                Instant.now().getEpochSecond(), Api.quote(text));
    }

    private static String newNumber() {
        return "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static String newWamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
