package io.throughline.customer.privacy;

import static io.throughline.channel.ChannelTestBase.PUBLIC_BASE_URL;
import static io.throughline.channel.ChannelTestBase.TWILIO_ACCOUNT_SID;
import static io.throughline.channel.ChannelTestBase.TWILIO_AUTH_TOKEN;
import static io.throughline.channel.ChannelTestBase.TWILIO_FROM_NUMBER;
import static io.throughline.customer.privacy.ConsentTest.await;
import static io.throughline.customer.privacy.Messaging.smsTo;
import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.throughline.support.Api;
import io.throughline.support.AppProcess;
import io.throughline.support.DatabaseGrep;
import io.throughline.support.Postgres;
import io.throughline.support.ProviderStub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Data protection on PostgreSQL, the application in a JVM of its own with retention on and short (conversations whose
 * last message is three seconds old, checked every second): an erasure leaves nothing of the customer in any table,
 * Camunda's included; STOP and START over Twilio's signed webhook go through PostgreSQL's upsert; and a resolved
 * conversation is deleted by the schedule, with its journey and history.
 */
class PrivacyOnPostgresTest {

    private static final ProviderStub TWILIO = new ProviderStub();

    @TempDir
    Path dir;

    @Test
    void erasureConsentAndRetentionOnPostgres() throws Exception {
        Postgres.Database database = Postgres.freshDatabase();
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(), database.user(),
                database.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TWILIO.answer(Messaging.SMS_SEND_PATH, request -> ProviderStub.Response.json(201, "{\"sid\":\"SM"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}"));
        try (AppProcess app = AppProcess.start(dir, "privacy", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--throughline.demo-user=true", "--throughline.retention.conversations-older-than=PT3S",
                "--throughline.retention.every=PT1S", "--throughline.public-base-url=" + PUBLIC_BASE_URL,
                "--throughline.channels.twilio.account-sid=" + TWILIO_ACCOUNT_SID,
                "--throughline.channels.twilio.auth-token=" + TWILIO_AUTH_TOKEN,
                "--throughline.channels.twilio.from-number=" + TWILIO_FROM_NUMBER,
                "--throughline.channels.twilio.api-base-url=" + TWILIO.url() + "/twilio")) {
            Api api = app.api();

            // erasure: nothing of the customer in any table, the engine's included
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String visitor = UUID.randomUUID().toString();
            String email = "ottilie." + unique + "@example.org";
            var accepted = api.post("/api/webchat/" + visitor + "/messages",
                    message("How long does shipping take? Ref " + unique, "p-1"));
            String customer = accepted.json().path("customerId").asText();
            String conversation = accepted.json().path("conversationId").asText();
            awaitBotReply(api, conversation);
            assertThat(api.putAs(DEMO, "/api/customers/" + customer + "/attributes", "{\"email\":\"" + email + "\"}")
                    .status()).isEqualTo(200);
            List<String> needles = List.of(customer, conversation, visitor, email, unique);
            assertThat(DatabaseGrep.find(dataSource, needles)).as("the search sees the data before")
                    .anyMatch(place -> place.startsWith("messages.text")).anyMatch(place -> place.startsWith("act_hi_"));

            var erased = delete(api, "/api/customers/" + customer);
            assertThat(erased.status()).isEqualTo(200);
            assertThat(erased.json().path("counts").path("processInstances").asInt()).isPositive();
            assertThat(DatabaseGrep.find(dataSource, needles)).as("anything of the customer left").isEmpty();
            assertThat(delete(api, "/api/customers/" + customer).status()).isEqualTo(410);

            // consent: STOP, START, STOP again from one number: one row, the latest keyword
            Messaging phone = new Messaging(api.base());
            String number = Messaging.newPhone();
            assertThat(phone.sms(number, "How long does shipping take?")).isEqualTo(200);
            Messaging.await(TWILIO, r -> smsTo(TWILIO, number).contains(r), 1);
            assertThat(phone.sms(number, "STOP")).isEqualTo(200);
            assertThat(phone.sms(number, "start")).isEqualTo(200);
            assertThat(phone.sms(number, "Quit")).isEqualTo(200);
            JsonNode consents = api.getAs(DEMO, "/api/customers?identity="
                    + URLEncoder.encode("phone:" + number, StandardCharsets.UTF_8)).json().path("consents");
            assertThat(consents).hasSize(1);
            assertThat(consents.get(0).path("optedOut").asBoolean()).isTrue();
            assertThat(consents.get(0).path("keyword").asText()).isEqualTo("QUIT");
            assertThat(smsTo(TWILIO, number)).as("nothing but the first answer").hasSize(1);

            // retention: a resolved conversation goes by itself, with its journey and history
            var old = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", message("What does shipping cost?", "p-2"));
            UUID oldConversation = UUID.fromString(old.json().path("conversationId").asText());
            awaitBotReply(api, oldConversation.toString());
            assertThat(jdbc.sql("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                    + "where e.business_key_ = ?").param(oldConversation.toString()).query(Integer.class).single())
                    .as("its journey waits").isPositive();
            jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = current_timestamp, resolution = 'answered' "
                    + "where id = ?").param(oldConversation).update();

            assertThat(await(() -> jdbc.sql("select count(*) from conversations where id = ?").param(oldConversation)
                    .query(Integer.class).single() == 0 ? Optional.of(true) : Optional.empty()))
                    .as("the retention schedule deleted the resolved conversation").isPresent();
            assertThat(jdbc.sql("select count(*) from messages where conversation_id = ?").param(oldConversation)
                    .query(Integer.class).single()).isZero();
            assertThat(DatabaseGrep.find(dataSource, List.of(oldConversation.toString()))).isEmpty();
            assertThat(jdbc.sql("select last_run_by from scheduled_runs where name = 'retention'").query(String.class)
                    .single()).isNotBlank();
            assertThat(app.log()).contains("retention removed 1 resolved conversations");
            assertThat(jdbc.sql("select count(*) from conversations where status = 'OPEN'").query(Integer.class).single())
                    .as("open conversations stay").isPositive();
        }
    }

    private static void awaitBotReply(Api api, String conversation) throws InterruptedException {
        assertThat(await(() -> {
            JsonNode messages = api.getAs(DEMO, "/api/conversations/" + conversation).json().path("messages");
            for (JsonNode message : messages) {
                if (message.path("author").asText().equals("bot") && message.path("deliveryStatus").asText().equals("SENT")) {
                    return Optional.of(true);
                }
            }
            return Optional.empty();
        })).as("the bot answered in " + conversation).isPresent();
    }

    private static Api.Response delete(Api api, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(DEMO.getBytes()))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body());
    }
}
