package io.throughline.customer.privacy;

import static io.throughline.channel.ChannelTestBase.PUBLIC_BASE_URL;
import static io.throughline.channel.ChannelTestBase.TWILIO_ACCOUNT_SID;
import static io.throughline.channel.ChannelTestBase.TWILIO_AUTH_TOKEN;
import static io.throughline.channel.ChannelTestBase.TWILIO_FROM_NUMBER;
import static io.throughline.channel.ChannelTestBase.WHATSAPP_APP_SECRET;
import static io.throughline.channel.ChannelTestBase.WHATSAPP_PHONE_NUMBER_ID;

import io.throughline.channel.Signatures;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The customer's side of SMS and WhatsApp, as the providers deliver it: Twilio's signed form posts and Meta's signed
 * JSON, to the app's real webhooks; and what the app sent them, as the provider stub saw it.
 */
final class Messaging {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String SMS_SEND_PATH = "/twilio/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    Messaging(String base) {
        this.base = base;
    }

    static String newPhone() {
        return "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
    }

    /** An SMS from {@code from}, as Twilio posts it, signed with the account's auth token. */
    int sms(String from, String text) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", TWILIO_ACCOUNT_SID);
        form.put("From", from);
        form.put("To", TWILIO_FROM_NUMBER);
        form.put("Body", text);
        form.put("NumMedia", "0");
        form.put("ApiVersion", "2010-04-01");
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        StringBuilder signed = new StringBuilder(PUBLIC_BASE_URL + "/webhooks/twilio/sms");
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        var request = HttpRequest.newBuilder(URI.create(base + "/webhooks/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", Signatures.hmacSha1Base64(TWILIO_AUTH_TOKEN,
                        signed.toString().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A WhatsApp text from {@code phone} (E.164), as Meta's webhook delivers it, signed with the app secret. */
    Api.Response whatsApp(String phone, String name, String text) throws Exception {
        String from = phone.substring(1);
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + WHATSAPP_PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":"
                + Api.quote(name) + "},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\""
                + "wamid." + UUID.randomUUID() + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\","
                + "\"type\":\"text\",\"text\":{\"body\":" + Api.quote(text) + "}}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(WHATSAPP_APP_SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body());
    }

    /** What the app sent by SMS to this number. */
    static List<ProviderStub.Request> smsTo(ProviderStub stub, String phone) {
        return stub.requests(r -> r.path().equals(SMS_SEND_PATH) && phone.equals(form(r.bodyText()).get("To")));
    }

    /** What the app sent on WhatsApp to this number. */
    static List<ProviderStub.Request> whatsAppTo(ProviderStub stub, String phone) {
        return stub.requests(r -> r.path().startsWith("/whatsapp/") && r.path().endsWith("/messages")
                && r.bodyText().contains("\"to\":\"" + phone.substring(1) + "\""));
    }

    static List<ProviderStub.Request> await(ProviderStub stub, Predicate<ProviderStub.Request> which, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<ProviderStub.Request> seen = stub.requests(which);
            if (seen.size() >= count) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " request(s) within " + PATIENCE + "; the stub saw:\n" + stub);
    }

    static Map<String, String> form(String body) {
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
}
