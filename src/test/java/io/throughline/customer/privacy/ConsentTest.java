package io.throughline.customer.privacy;

import static io.throughline.customer.privacy.Messaging.form;
import static io.throughline.customer.privacy.Messaging.smsTo;
import static io.throughline.customer.privacy.Messaging.whatsAppTo;
import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.ProviderStub.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * STOP and START on SMS and WhatsApp through the providers' real, signed webhooks: consent is recorded on the address
 * and channel, no journey answers the keyword, and from then on the provider stub receives nothing for that address on
 * that channel; a reply goes on another channel the customer has, and a journey the business starts is refused.
 */
class ConsentTest extends ChannelTestBase {

    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    Messaging customer;

    @BeforeEach
    void providersAcceptSends() {
        customer = new Messaging(api.base());
        PROVIDERS.answer(Messaging.SMS_SEND_PATH, request -> Response.json(201, "{\"sid\":\"SM"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}"));
        PROVIDERS.answer("/whatsapp/v25.0/" + WHATSAPP_PHONE_NUMBER_ID + "/messages", request -> Response.json(200,
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}"));
    }

    @Test
    void anSmsStopIsRecordedNotAnsweredAndNothingMoreIsSentToThatNumberBySms() throws Exception {
        String phone = Messaging.newPhone();
        assertThat(customer.sms(phone, "How long does shipping take?")).isEqualTo(200);
        Messaging.await(PROVIDERS, r -> smsTo(PROVIDERS, phone).contains(r), 1);
        UUID conversation = conversationOf(phone);
        awaitSettled(conversation);

        assertThat(customer.sms(phone, "Stop")).isEqualTo(200);

        JsonNode record = customerKnownAs("phone:" + phone);
        assertThat(record.path("consents")).hasSize(1);
        assertThat(record.path("consents").get(0).path("identity").asText()).isEqualTo("phone:" + phone);
        assertThat(record.path("consents").get(0).path("channel").asText()).isEqualTo("sms");
        assertThat(record.path("consents").get(0).path("optedOut").asBoolean()).isTrue();
        assertThat(record.path("consents").get(0).path("keyword").asText()).isEqualTo("STOP");
        assertThat(jdbc.sql("select handled from messages where conversation_id = ? and text = 'Stop'").param(conversation)
                .query(Boolean.class).single()).as("no journey will read the STOP").isTrue();

        assertThat(customer.sms(phone, "Do you ship to Canada?")).isEqualTo(200);
        assertThat(await(() -> jdbc.sql("select delivery_status from messages where conversation_id = ? and direction = 'OUT' "
                        + "and delivery_status = 'OPTED_OUT'").param(conversation).query(String.class).optional()))
                .as("the bot's answer to the question after STOP is recorded, and refused by the Outbox").isPresent();
        assertThat(smsTo(PROVIDERS, phone)).as("only the answer from before STOP reached Twilio").hasSize(1);
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT' and channel = 'sms' "
                + "and delivery_status = 'SENT'").param(conversation).query(Integer.class).single()).isEqualTo(1);

        String customerId = record.path("customer").path("id").asText();
        var refused = api.postAs(DEMO, "/api/journeys/renewal-reminder/start", "{\"customerId\":\"" + customerId + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).contains("opted out");
        assertThat(refused.json().path("field").asText()).isEqualTo("customerId");
        assertThat(smsTo(PROVIDERS, phone)).hasSize(1);

        assertThat(customer.sms(phone, "START")).isEqualTo(200);
        JsonNode resumed = customerKnownAs("phone:" + phone).path("consents").get(0);
        assertThat(resumed.path("optedOut").asBoolean()).isFalse();
        assertThat(resumed.path("keyword").asText()).isEqualTo("START");
    }

    @Test
    void aWhatsAppStopGetsOneConfirmationAndNoAnswerAndABusinessStartedJourneyIsRefused() throws Exception {
        String phone = Messaging.newPhone();
        assertThat(customer.whatsApp(phone, "Quentin", "How long does shipping take?").status()).isEqualTo(200);
        Messaging.await(PROVIDERS, r -> whatsAppTo(PROVIDERS, phone).contains(r), 1);
        UUID conversation = conversationOf(phone);
        awaitSettled(conversation);

        assertThat(customer.whatsApp(phone, "Quentin", "UNSUBSCRIBE").status()).isEqualTo(200);

        var sent = Messaging.await(PROVIDERS, r -> whatsAppTo(PROVIDERS, phone).contains(r), 2);
        assertThat(sent.get(1).bodyText()).contains("You will not get more messages here. Send START to resume.");
        JsonNode record = customerKnownAs("phone:" + phone);
        assertThat(record.path("consents").get(0).path("channel").asText()).isEqualTo("whatsapp");
        assertThat(record.path("consents").get(0).path("optedOut").asBoolean()).isTrue();
        String customerId = record.path("customer").path("id").asText();
        var refused = api.postAs(DEMO, "/api/journeys/renewal-reminder/start", "{\"customerId\":\"" + customerId + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).contains("opted out");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("journey-wake-up")
                .processInstanceBusinessKey(conversation.toString()).count()).as("the STOP woke no journey").isZero();
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT' and author = 'bot'")
                .param(conversation).query(Integer.class).single()).as("one bot answer: the one before STOP").isEqualTo(1);
        assertThat(whatsAppTo(PROVIDERS, phone)).as("the answer and the confirmation, nothing else").hasSize(2);
    }

    @Test
    void whenTheCustomerSaysStopOnSmsTheAgentsReplyGoesOnTheirWebChatInstead() throws Exception {
        String visitor = UUID.randomUUID().toString();
        String phone = Messaging.newPhone();
        var hello = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "c-1"));
        UUID conversation = UUID.fromString(hello.json().path("conversationId").asText());
        awaitSettled(conversation);
        var asked = api.post("/api/webchat/" + visitor + "/identity-proofs", "{\"type\":\"phone\",\"value\":\"" + phone + "\"}");
        assertThat(asked.status()).isEqualTo(202);
        Matcher code = CODE.matcher(form(Messaging.await(PROVIDERS, r -> smsTo(PROVIDERS, phone).contains(r), 1).get(0).bodyText())
                .get("Body"));
        assertThat(code.find()).isTrue();
        assertThat(api.post("/api/webchat/" + visitor + "/identity-proofs/" + asked.json().path("proofId").asText(),
                "{\"code\":\"" + code.group(1) + "\"}").status()).isEqualTo(200);

        customer.sms(phone, "I want to talk to a person");
        Task task = await(() -> Optional.ofNullable(tasks.createTaskQuery()
                .processInstanceBusinessKey(conversation.toString()).singleResult())).orElseThrow();
        await(() -> jdbc.sql("select count(*) from messages where conversation_id = ? and delivery_status = 'QUEUED'")
                .param(conversation).query(Integer.class).single() == 0 ? Optional.of(true) : Optional.empty());
        int smsBefore = smsTo(PROVIDERS, phone).size();
        assertThat(customer.sms(phone, "STOP")).isEqualTo(200);
        tasks.complete(task.getId(), Map.of("reply", "Sam here: happy to help with your order."));

        Map<String, Object> reply = await(() -> jdbc.sql("select channel, delivery_status from messages where "
                        + "conversation_id = ? and author = 'agent' and delivery_status = 'SENT'")
                .param(conversation).query().listOfRows().stream().findFirst()).orElseThrow();
        assertThat(reply.get("CHANNEL")).as("not SMS, which the customer stopped: web chat, which they also use")
                .isEqualTo("webchat");
        assertThat(smsTo(PROVIDERS, phone)).hasSize(smsBefore);
    }

    private JsonNode customerKnownAs(String identity) {
        return api.getAs(DEMO, "/api/customers?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8)).json();
    }

    private UUID conversationOf(String phone) {
        return jdbc.sql("select conversation_id from messages where sender_identity = ? order by seq limit 1")
                .param("phone:" + phone).query(UUID.class).single();
    }

    /** Until the journey waits for the customer (or an agent) with nothing unread. */
    private void awaitSettled(UUID conversation) throws InterruptedException {
        assertThat(await(() -> {
            boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(conversation.toString())
                    .messageEventSubscriptionName("CustomerWrote").count() == 1
                    || runtime.createExecutionQuery().processInstanceBusinessKey(conversation.toString())
                    .activityId("UserTask_Agent").count() == 1;
            int unread = jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'IN' "
                    + "and handled = false").param(conversation).query(Integer.class).single();
            int queued = jdbc.sql("select count(*) from messages where conversation_id = ? and delivery_status = 'QUEUED'")
                    .param(conversation).query(Integer.class).single();
            return waiting && unread == 0 && queued == 0 ? Optional.of(true) : Optional.<Boolean>empty();
        })).as("the journey of " + conversation + " settled").isPresent();
    }

    static <T> Optional<T> await(Supplier<Optional<T>> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = what.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }
}
