package io.throughline.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelTestBase;
import io.throughline.channel.Signatures;
import io.throughline.support.ProviderStub.Request;
import io.throughline.support.ProviderStub.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS through Twilio against the whole application: Twilio's form posts, signed as Twilio signs them, in; the reply out
 * through the stand-in for Twilio's Messages API; status callbacks back.
 */
class TwilioSmsTest extends ChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SEND_PATH = "/twilio/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void twilioCreatesMessages() {
        // what Twilio answers a send: 201 with the new message's SID (https://www.twilio.com/docs/messaging/api/message-resource)
        PROVIDERS.answer(SEND_PATH, request -> Response.json(201, "{\"sid\":\"" + sid("SM") + "\",\"status\":\"queued\","
                + "\"account_sid\":\"" + TWILIO_ACCOUNT_SID + "\",\"direction\":\"outbound-api\",\"num_segments\":\"1\"}"));
    }

    @Test
    void aSignedSmsIsAcceptedAndAnsweredThroughTwiliosMessagesApi() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");

        var response = post("/webhooks/twilio/sms", incoming(messageSid, customer, "How long does shipping take?"), TWILIO_AUTH_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        Request send = awaitSends(customer, 1).get(0);
        Map<String, String> form = form(send.bodyText());
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(send.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TWILIO_ACCOUNT_SID + ":" + TWILIO_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(form).containsEntry("To", customer).containsEntry("From", TWILIO_FROM_NUMBER)
                .containsEntry("StatusCallback", PUBLIC_BASE_URL + "/webhooks/twilio/sms/status");
        assertThat(form.get("Body")).containsIgnoringCase("business days").contains("Sources:").hasSizeLessThanOrEqualTo(1600);
        var inbound = jdbc.sql("select text, sender_identity, direction from messages where channel = 'sms' and provider_message_id = ?")
                .param(messageSid).query().singleRow();
        assertThat(inbound).containsEntry("TEXT", "How long does shipping take?").containsEntry("SENDER_IDENTITY", "phone:" + customer);
        assertThat(await(() -> reply(conversationOf(messageSid)).filter(r -> r.get("DELIVERY_STATUS").equals("SENT"))))
                .as("the reply is SENT under Twilio's SID").hasValueSatisfying(r ->
                        assertThat((String) r.get("PROVIDER_MESSAGE_ID")).startsWith("SM"));
    }

    @Test
    void theSignatureCoversTheUrlsQueryStringAndOnlyTheRawBodysParameters() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");
        String text = "How long does shipping take to Zürich? 100% & +1 sure";
        // a query parameter named like a POST parameter: the servlet's merged parameter map would have two Body values
        String path = "/webhooks/twilio/sms?tenant=larkspur&Body=forged";

        var unsignedQuery = post(path, incoming(messageSid, customer, text), TWILIO_AUTH_TOKEN, "/webhooks/twilio/sms");
        assertThat(unsignedQuery.statusCode()).as("signed without the query string Twilio called").isEqualTo(401);
        assertThat(inboundRows(messageSid)).isZero();

        var signed = post(path, incoming(messageSid, customer, text), TWILIO_AUTH_TOKEN);

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select text from messages where channel = 'sms' and provider_message_id = ?")
                .param(messageSid).query(String.class).single()).as("the body's Body, decoded from the raw bytes").isEqualTo(text);
        awaitSends(customer, 1);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        String messageSid = sid("SM");
        long before = inboundSmsRows();

        var forged = post("/webhooks/twilio/sms", incoming(messageSid, phone(), "Hello"), "not-the-auth-token");
        var unsigned = post("/webhooks/twilio/sms", incoming(messageSid, phone(), "Hello"), null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).path("field").asText()).isEqualTo("X-Twilio-Signature");
        assertThat(JSON.readTree(unsigned.body()).path("error").asText()).contains("missing");
        assertThat(inboundRows(messageSid)).isZero();
        assertThat(inboundSmsRows()).isEqualTo(before);
    }

    @Test
    void aWebhookForAnotherAccountIsRefusedEvenWhenSigned() throws Exception {
        String messageSid = sid("SM");
        Map<String, String> otherAccount = incoming(messageSid, phone(), "Hello");
        otherAccount.put("AccountSid", "AC99999999999999999999999999999999");

        var response = post("/webhooks/twilio/sms", otherAccount, TWILIO_AUTH_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("AccountSid");
        assertThat(inboundRows(messageSid)).isZero();
    }

    @Test
    void aSignedButIncompleteFormNamesTheMissingField() throws Exception {
        String messageSid = sid("SM");
        Map<String, String> noSender = incoming(messageSid, phone(), "Hello");
        noSender.remove("From");

        var response = post("/webhooks/twilio/sms", noSender, TWILIO_AUTH_TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("From");
        assertThat(inboundRows(messageSid)).isZero();
    }

    @Test
    void twilioRetryingTheSameMessageCreatesNothingNew() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");
        Map<String, String> sms = incoming(messageSid, customer, "How long does shipping take?");

        var first = post("/webhooks/twilio/sms", sms, TWILIO_AUTH_TOKEN);
        var retried = post("/webhooks/twilio/sms", sms, TWILIO_AUTH_TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(TwilioWebhookController.EMPTY_TWIML);
        assertThat(inboundRows(messageSid)).isEqualTo(1);
        awaitSends(customer, 1);
    }

    @Test
    void statusCallbacksMoveTheReplyForwardOnly() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");
        post("/webhooks/twilio/sms", incoming(messageSid, customer, "How long does shipping take?"), TWILIO_AUTH_TOKEN);
        awaitSends(customer, 1);
        UUID conversation = conversationOf(messageSid);
        String replySid = (String) await(() -> reply(conversation).filter(r -> r.get("PROVIDER_MESSAGE_ID") != null))
                .orElseThrow().get("PROVIDER_MESSAGE_ID");

        var delivered = post("/webhooks/twilio/sms/status", status(replySid, customer, "delivered"), TWILIO_AUTH_TOKEN);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(reply(conversation).orElseThrow().get("DELIVERY_STATUS")).isEqualTo("DELIVERED");

        var lateSent = post("/webhooks/twilio/sms/status", status(replySid, customer, "sent"), TWILIO_AUTH_TOKEN);
        assertThat(lateSent.statusCode()).isEqualTo(200);
        assertThat(reply(conversation).orElseThrow().get("DELIVERY_STATUS")).as("a late 'sent' changes nothing").isEqualTo("DELIVERED");

        var forged = post("/webhooks/twilio/sms/status", status(replySid, customer, "failed"), "not-the-auth-token");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(reply(conversation).orElseThrow().get("DELIVERY_STATUS")).isEqualTo("DELIVERED");

        var unknown = post("/webhooks/twilio/sms/status", status(sid("SM"), customer, "delivered"), TWILIO_AUTH_TOKEN);
        assertThat(unknown.statusCode()).as("Twilio can do nothing about an id we do not know").isEqualTo(200);
    }

    @Test
    void anUndeliveredReportMarksTheReplyFailed() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");
        post("/webhooks/twilio/sms", incoming(messageSid, customer, "How long does shipping take?"), TWILIO_AUTH_TOKEN);
        awaitSends(customer, 1);
        UUID conversation = conversationOf(messageSid);
        String replySid = (String) await(() -> reply(conversation).filter(r -> r.get("PROVIDER_MESSAGE_ID") != null))
                .orElseThrow().get("PROVIDER_MESSAGE_ID");
        Map<String, String> undelivered = status(replySid, customer, "undelivered");
        undelivered.put("ErrorCode", "30003");

        assertThat(post("/webhooks/twilio/sms/status", undelivered, TWILIO_AUTH_TOKEN).statusCode()).isEqualTo(200);
        assertThat(reply(conversation).orElseThrow().get("DELIVERY_STATUS")).isEqualTo("FAILED");
    }

    @Test
    void aSendThatFailsTwiceThenWorksDeliversExactlyOnce() throws Exception {
        String customer = phone();
        String messageSid = sid("SM");
        String error = "{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":\"https://www.twilio.com/docs/errors/20500\",\"status\":500}";
        PROVIDERS.thenOnce(SEND_PATH, Response.json(500, error), Response.json(500, error));

        post("/webhooks/twilio/sms", incoming(messageSid, customer, "How long does shipping take?"), TWILIO_AUTH_TOKEN);
        awaitSends(customer, 1);
        String conversation = conversationOf(messageSid).toString();
        Job failed = await(() -> failedJob(conversation)).orElseThrow();
        assertThat(failed.getRetries()).isLessThan(5);
        assertThatThrownBy(() -> management.executeJob(failed.getId())).as("the second failure").isNotNull();
        management.executeJob(failed.getId());

        List<Request> sends = sendsTo(customer);
        assertThat(sends).hasSize(3);
        assertThat(sends).allSatisfy(send -> assertThat(form(send.bodyText()).get("Body")).containsIgnoringCase("business days"));
        var reply = reply(UUID.fromString(conversation)).orElseThrow();
        assertThat(reply.get("DELIVERY_STATUS")).isEqualTo("SENT");
        assertThat((String) reply.get("PROVIDER_MESSAGE_ID")).startsWith("SM");
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT'")
                .param(UUID.fromString(conversation)).query(Long.class).single()).as("one reply row").isEqualTo(1);
    }

    // --- Twilio's side -------------------------------------------------------------------------------------------

    /** An incoming SMS as Twilio posts it (https://www.twilio.com/docs/messaging/guides/webhook-request). */
    private static Map<String, String> incoming(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("ToState", "CA");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("ToCity", "");
        form.put("FromZip", "94105");
        form.put("SmsSid", messageSid);
        form.put("FromState", "CA");
        form.put("SmsStatus", "received");
        form.put("FromCity", "SAN FRANCISCO");
        form.put("Body", body);
        form.put("FromCountry", "US");
        form.put("To", TWILIO_FROM_NUMBER);
        form.put("MessagingServiceSid", "MG00000000000000000000000000000001");
        form.put("ToZip", "");
        form.put("NumSegments", "1");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", TWILIO_ACCOUNT_SID);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** A status callback as Twilio posts it for a message we sent. */
    private static Map<String, String> status(String messageSid, String to, String messageStatus) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", messageSid);
        form.put("SmsStatus", messageStatus);
        form.put("MessageStatus", messageStatus);
        form.put("To", to);
        form.put("MessageSid", messageSid);
        form.put("AccountSid", TWILIO_ACCOUNT_SID);
        form.put("From", TWILIO_FROM_NUMBER);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> form, String authToken) throws Exception {
        return post(pathAndQuery, form, authToken, pathAndQuery);
    }

    /** Posts the form signed as Twilio signs it: the public URL it called, then the POST parameters sorted by name. */
    private HttpResponse<String> post(String pathAndQuery, Map<String, String> form, String authToken, String signedPath)
            throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authToken != null) {
            StringBuilder signed = new StringBuilder(PUBLIC_BASE_URL + signedPath);
            new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
            request.header("X-Twilio-Signature", Signatures.hmacSha1Base64(authToken, signed.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- what the application did --------------------------------------------------------------------------------

    private List<Request> awaitSends(String to, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<Request> sends = sendsTo(to);
            if (sends.size() >= count) {
                return sends;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " send(s) to " + to + " within " + PATIENCE + "; the stub saw:\n" + PROVIDERS);
    }

    private static List<Request> sendsTo(String to) {
        return PROVIDERS.requests(r -> r.path().equals(SEND_PATH) && to.equals(form(r.bodyText()).get("To")));
    }

    private Optional<Map<String, Object>> reply(UUID conversation) {
        return jdbc.sql("select delivery_status, provider_message_id, text from messages where conversation_id = ? "
                + "and direction = 'OUT' order by seq desc limit 1").param(conversation).query().listOfRows().stream().findFirst();
    }

    /** The journey's job that failed, found by the conversation its process instances carry as business key. */
    private Optional<Job> failedJob(String conversationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversationId).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).withException()
                        .list().stream())
                .findFirst();
    }

    private UUID conversationOf(String messageSid) {
        return jdbc.sql("select conversation_id from messages where channel = 'sms' and provider_message_id = ?")
                .param(messageSid).query(UUID.class).single();
    }

    private long inboundRows(String messageSid) {
        return jdbc.sql("select count(*) from messages where channel = 'sms' and provider_message_id = ?")
                .param(messageSid).query(Long.class).single();
    }

    private long inboundSmsRows() {
        return jdbc.sql("select count(*) from messages where channel = 'sms' and direction = 'IN'").query(Long.class).single();
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = what.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String phone() {
        return "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
    }

    private static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
