package io.throughline.journey;

import static io.throughline.channel.meta.MetaWebhooks.await;
import static io.throughline.channel.meta.MetaWebhooks.json;
import static io.throughline.channel.meta.MetaWebhooks.postSigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub.Request;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/journeys/{key}/start} end to end on the shared channel context: a renewal reminder goes out on the
 * customer's preferred channel, WhatsApp here, through its real sender against the stand-in for the Cloud API; outside
 * the 24-hour window as the approved template. The customer's reply reaches the journey and general support answers it.
 */
class ProactiveJourneysTest extends ChannelTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    @Test
    void aRenewalReminderOutsideWhatsAppsWindowIsTheApprovedTemplate() throws Exception {
        String from = newNumber();
        String customer = aWhatsAppCustomerWhoseConversationEnded(from, true);

        var started = start(customer, "{\"plan\":\"Plus\",\"renewsOn\":\"1 April\"}");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().path("journey").asText()).isEqualTo("renewal-reminder");
        assertThat(started.json().path("customerId").asText()).isEqualTo(customer);
        JsonNode reminder = json(await(PROVIDERS, sentTo(from), 2, "the renewal reminder").get(1));
        assertThat(reminder.path("type").asText()).isEqualTo("template");
        assertThat(reminder.path("template").path("name").asText()).isEqualTo("support_follow_up");
        assertThat(reminder.path("template").path("components").path(0).path("parameters").path(0).path("text").asText())
                .contains("your Plus plan renews on 1 April");
        UUID conversation = UUID.fromString(started.json().path("conversationId").asText());
        assertThat(jdbc.sql("select channel from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(String.class).list()).containsExactly("whatsapp");
    }

    @Test
    void withinTheWindowTheReminderIsTextAndTheCustomersReplyIsAnswered() throws Exception {
        String from = newNumber();
        String customer = aWhatsAppCustomerWhoseConversationEnded(from, false);

        var started = start(customer, "{\"plan\":\"Basic\",\"renewsOn\":\"1 May\"}");
        JsonNode reminder = json(await(PROVIDERS, sentTo(from), 2, "the renewal reminder").get(1));
        assertThat(reminder.path("type").asText()).isEqualTo("text");
        assertThat(reminder.path("text").path("body").asText()).contains("your Basic plan renews on 1 May");

        String conversation = started.json().path("conversationId").asText();
        awaitWaitingForTheCustomer(conversation);
        postSigned(api.base() + "/webhooks/whatsapp", WHATSAPP_APP_SECRET,
                textMessage(from, newWamid(), "How long does shipping take?"));

        JsonNode answer = json(await(PROVIDERS, sentTo(from), 3, "the answer to the reply").get(2));
        assertThat(answer.path("text").path("body").asText()).containsIgnoringCase("business days");
        assertThat(jdbc.sql("select conversation_id from messages where channel = 'whatsapp' and direction = 'IN' "
                        + "order by seq desc limit 1").query(UUID.class).single().toString())
                .as("the reply landed in the reminder's conversation").isEqualTo(conversation);
    }

    @Test
    void startingAJourneyIsRefusedWithClearErrors() throws Exception {
        String from = newNumber();
        postSigned(api.base() + "/webhooks/whatsapp", WHATSAPP_APP_SECRET, textMessage(from, newWamid(), "Hello"));
        await(PROVIDERS, sentTo(from), 1, "the bot's answer");
        String customer = customerOf(from);

        var busy = start(customer, "{}");
        var unknownJourney = api.postAs(Api.DEMO, "/api/journeys/world-tour/start", "{\"customerId\":\"" + customer + "\"}");
        var unknownCustomer = api.postAs(Api.DEMO, "/api/journeys/renewal-reminder/start",
                "{\"customerId\":\"" + UUID.randomUUID() + "\"}");
        var notAnId = api.postAs(Api.DEMO, "/api/journeys/renewal-reminder/start", "{\"customerId\":\"ann\"}");
        var reserved = api.postAs(Api.DEMO, "/api/journeys/renewal-reminder/start",
                "{\"customerId\":\"" + customer + "\",\"variables\":{\"intent\":\"booking\"}}");
        var noLogin = api.post("/api/journeys/renewal-reminder/start", "{\"customerId\":\"" + customer + "\"}");

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().path("error").asText()).contains("right now");
        assertThat(unknownJourney.status()).isEqualTo(404);
        assertThat(unknownJourney.json().path("field").asText()).isEqualTo("key");
        assertThat(unknownJourney.json().path("error").asText()).contains("renewal-reminder").contains("booking");
        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.json().path("field").asText()).isEqualTo("customerId");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.json().path("field").asText()).isEqualTo("variables.intent");
        assertThat(noLogin.status()).isEqualTo(401);
    }

    private Api.Response start(String customer, String variables) {
        return api.postAs(Api.DEMO, "/api/journeys/renewal-reminder/start",
                "{\"customerId\":\"" + customer + "\",\"variables\":" + variables + "}");
    }

    /**
     * A customer who wrote on WhatsApp and was answered, in a conversation that has ended since; {@code longAgo}: 25
     * hours ago, outside WhatsApp's customer service window. WhatsApp is their preferred channel.
     */
    private String aWhatsAppCustomerWhoseConversationEnded(String from, boolean longAgo) throws Exception {
        String wamid = newWamid();
        postSigned(api.base() + "/webhooks/whatsapp", WHATSAPP_APP_SECRET, textMessage(from, wamid, "How long does shipping take?"));
        await(PROVIDERS, sentTo(from), 1, "the bot's answer");
        UUID conversation = jdbc.sql("select conversation_id from messages where channel = 'whatsapp' and provider_message_id = ?")
                .param(wamid).query(UUID.class).single();
        awaitWaitingForTheCustomer(conversation.toString());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversation.toString())
                .processDefinitionKey(GeneralSupport.KEY).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test: the conversation ended"));
        jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = ?, resolution = 'customer-went-quiet' where id = ?")
                .params(OffsetDateTime.now(), conversation).update();
        if (longAgo) {
            jdbc.sql("update messages set created_at = ? where conversation_id = ? and direction = 'IN'")
                    .params(OffsetDateTime.now().minusHours(25), conversation).update();
        }
        String customer = customerOf(from);
        jdbc.sql("update customers set preferred_channel = 'whatsapp' where id = ?").param(UUID.fromString(customer)).update();
        return customer;
    }

    private void awaitWaitingForTheCustomer(String conversation) throws InterruptedException {
        io.throughline.channel.meta.MetaWebhooks.awaitTrue(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(conversation).messageEventSubscriptionName("CustomerWrote").count() == 1,
                "the journey of " + conversation + " waits for the customer");
    }

    private String customerOf(String from) {
        return api.getAs(Api.DEMO, "/api/customers?identity=phone:%2B" + from).json().path("customer").path("id").asText();
    }

    private static Predicate<Request> sentTo(String number) {
        return r -> r.path().startsWith("/whatsapp/") && r.path().endsWith("/messages")
                && number.equals(json(r).path("to").asText());
    }

    private static String newNumber() {
        return "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static String newWamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    private static String textMessage(String from, String wamid, String text) {
        // Meta's example notification for a text message (WhatsApp Cloud API, webhooks reference, messages: text)
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Ann"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"1739321024","text":{"body":%s},"type":"text"}]},\
                "field":"messages"}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID, from, from, wamid, Api.quote(text));
    }
}
