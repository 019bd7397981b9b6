package io.throughline.customer.privacy;

import static io.throughline.customer.privacy.ConsentTest.await;
import static io.throughline.customer.privacy.Messaging.form;
import static io.throughline.customer.privacy.Messaging.smsTo;
import static io.throughline.customer.privacy.Messaging.whatsAppTo;
import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import io.throughline.support.DatabaseGrep;
import io.throughline.support.ProviderStub.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer who wrote on WhatsApp and on web chat, proved their phone (so two customer records merged), opened a help
 * article, was handed to an agent who left a note: the export holds all of it, and after the erasure no table of the
 * database, Throughline's or the engine's, holds their ids, name, phone, email or anything they wrote.
 */
class ErasureTest extends ChannelTestBase {

    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void providersAcceptSends() {
        PROVIDERS.answer(Messaging.SMS_SEND_PATH, request -> Response.json(201, "{\"sid\":\"SM"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}"));
        PROVIDERS.answer("/whatsapp/v25.0/" + WHATSAPP_PHONE_NUMBER_ID + "/messages", request -> Response.json(200,
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}"));
    }

    @Test
    void theExportHoldsEverythingAndAfterTheErasureNoTableNorTheEnginesHistoryFindsTheCustomer() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = Messaging.newPhone();
        String name = "Zebulon Quackenbush" + unique;
        String email = "zebulon." + unique + "@example.org";
        String whatsAppText = "How long does shipping take for parcel " + unique + "-wa?";
        String webChatText = "How long does shipping take? Ref " + unique + "-web";
        String note = "Called the courier about " + unique + "-note";
        Messaging messaging = new Messaging(api.base());

        assertThat(messaging.whatsApp(phone, name, whatsAppText).status()).isEqualTo(200);
        Messaging.await(PROVIDERS, r -> whatsAppTo(PROVIDERS, phone).contains(r), 1);
        UUID customer = jdbc.sql("select customer_id from customer_identities where identity_value = ?").param(phone)
                .query(UUID.class).single();

        String visitor = UUID.randomUUID().toString();
        var hello = api.post("/api/webchat/" + visitor + "/messages", message(webChatText, "e-1"));
        UUID alias = UUID.fromString(hello.json().path("customerId").asText());
        assertThat(api.post("/api/webchat/" + visitor + "/article-views", "{\"path\":\"shipping.md\"}").status())
                .isEqualTo(202);
        awaitQuiet(UUID.fromString(hello.json().path("conversationId").asText()));
        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs", "{\"type\":\"phone\",\"value\":\"" + phone + "\"}");
        Matcher code = CODE.matcher(form(Messaging.await(PROVIDERS, r -> smsTo(PROVIDERS, phone).contains(r), 1).get(0)
                .bodyText()).get("Body"));
        assertThat(code.find()).isTrue();
        var proven = api.post("/api/webchat/" + visitor + "/identity-proofs/" + asked.json().path("proofId").asText(),
                "{\"code\":\"" + code.group(1) + "\"}");
        assertThat(proven.json().path("customerId").asText()).as("the older WhatsApp customer absorbed the visitor")
                .isEqualTo(customer.toString());
        assertThat(api.putAs(DEMO, "/api/customers/" + customer + "/attributes",
                "{\"plan\":\"plus\",\"email\":\"" + email + "\"}").status()).isEqualTo(200);

        api.post("/api/webchat/" + visitor + "/messages", message("I want to talk to a person", "e-2"));
        UUID conversation = UUID.fromString(api.getAs(DEMO, "/api/customers/" + customer).json()
                .path("conversations").findValuesAsText("id").stream().filter(id -> jdbc.sql(
                        "select status from conversations where id = ?").param(UUID.fromString(id)).query(String.class)
                        .single().equals("OPEN")).findFirst().orElseThrow());
        Task task = await(() -> Optional.ofNullable(tasks.createTaskQuery()
                .processInstanceBusinessKey(conversation.toString()).singleResult())).orElseThrow();
        tasks.complete(task.getId(), Map.of("reply", "The grinder ships tomorrow.", "note", note));
        awaitQuiet(conversation);
        List<String> conversations = jdbc.sql("select id from conversations where customer_id in (?, ?)")
                .params(customer, alias).query(String.class).list();
        assertThat(conversations).isNotEmpty();

        var export = get("/api/customers/" + alias + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("customer-" + alias + ".json"));
        JsonNode data = new Api.Response(200, export.body()).json();
        assertThat(data.path("customer").path("id").asText()).as("an alias leads to the one person").isEqualTo(customer.toString());
        assertThat(data.path("customer").path("aliases").get(0).asText()).isEqualTo(alias.toString());
        assertThat(data.path("attributes").path("email").asText()).isEqualTo(email);
        assertThat(data.path("identities").findValuesAsText("value")).contains(phone, visitor);
        assertThat(data.path("merges")).hasSize(1);
        assertThat(data.path("identityProofs")).hasSize(1);
        assertThat(data.path("identityProofs").get(0).has("codeHash")).isFalse();
        assertThat(export.body()).doesNotContain(code.group(1)).doesNotContain("code_hash").doesNotContain("salt");
        assertThat(data.path("articleViews").findValuesAsText("path")).containsExactly("shipping.md");
        JsonNode messages = data.path("conversations");
        assertThat(messages.findValuesAsText("text")).contains(whatsAppText, webChatText, "The grinder ships tomorrow.");
        assertThat(messages.findValuesAsText("channel")).contains("whatsapp", "webchat");
        assertThat(messages.findValuesAsText("deliveryStatus")).contains("RECEIVED", "SENT");
        assertThat(data.path("conversations").findValues("notes").toString()).contains(note);
        assertThat(data.path("conversations").findValuesAsText("type")).contains("HANDOFF", "AGENT_NOTE");
        assertThat(data.has("bookings") && data.has("leads") && data.has("ratings")).isTrue();

        List<String> before = DatabaseGrep.find(dataSource, List.of(unique, phone));
        assertThat(before).as("the search sees Throughline's tables and the engine's history alike")
                .anyMatch(place -> place.startsWith("MESSAGES.TEXT")).anyMatch(place -> place.startsWith("ACT_HI_VARINST"))
                .anyMatch(place -> place.startsWith("CUSTOMER_IDENTITIES"));

        var erased = delete("/api/customers/" + customer);
        assertThat(erased.status()).isEqualTo(200);
        JsonNode counts = erased.json().path("counts");
        assertThat(erased.json().path("erasedBy").asText()).isEqualTo("demo");
        assertThat(counts.path("customers").asInt()).isEqualTo(2);
        assertThat(counts.path("identities").asInt()).isEqualTo(2);
        assertThat(counts.path("conversations").asInt()).isEqualTo(conversations.size());
        assertThat(counts.path("messages").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(counts.path("merges").asInt()).isEqualTo(1);
        assertThat(counts.path("identityProofs").asInt()).isEqualTo(1);
        assertThat(counts.path("articleViews").asInt()).isEqualTo(1);
        assertThat(counts.path("processInstances").asInt()).isGreaterThanOrEqualTo(1);

        List<String> needles = new ArrayList<>(List.of(customer.toString(), alias.toString(), visitor, phone,
                phone.substring(1), name, email, unique));
        needles.addAll(conversations);
        assertThat(DatabaseGrep.find(dataSource, needles)).as("anything of the customer left in any table").isEmpty();
        for (String id : conversations) {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("conversationId", id).count()).isZero();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        }
        assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("customerId", customer.toString())
                .count()).isZero();

        var again = delete("/api/customers/" + customer);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().path("field").asText()).isEqualTo("id");
        assertThat(delete("/api/customers/" + alias).status()).isEqualTo(410);
        assertThat(get("/api/customers/" + customer + "/export").statusCode()).isEqualTo(410);
        assertThat(delete("/api/customers/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(DatabaseGrep.find(dataSource, List.of(customer.toString()))).as("the erasure record names no one").isEmpty();
    }

    /** Until nothing is queued in the conversation and its journey waits or is gone. */
    private void awaitQuiet(UUID conversation) throws InterruptedException {
        assertThat(await(() -> {
            int queued = jdbc.sql("select count(*) from messages where conversation_id = ? and (delivery_status = 'QUEUED' "
                    + "or (direction = 'IN' and handled = false))").param(conversation).query(Integer.class).single();
            String key = conversation.toString();
            boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(key)
                    .messageEventSubscriptionName("CustomerWrote").count() == 1
                    || runtime.createExecutionQuery().processInstanceBusinessKey(key).activityId("UserTask_Agent").count() == 1;
            boolean busy = !waiting && runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                    .processDefinitionKey("general-support").count() > 0;
            return queued == 0 && !busy ? Optional.of(true) : Optional.<Boolean>empty();
        })).as("conversation " + conversation + " quiet").isPresent();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Api.Response delete(String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", basic()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(DEMO.getBytes());
    }
}
