package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import io.throughline.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The default limits, reached on purpose: per visitor (messages, one-time code sends and tries), per client IP (open
 * endpoints, failed logins). Each test is its own visitor and its own address (X-Forwarded-For, which this context's
 * {@code server.forward-headers-strategy=native} trusts from the local proxy), so no other test feels the limit.
 * Requests the API refuses for their content still count: a flood of bad requests is a flood.
 */
class RateLimitsTest extends ChannelTestBase {

    @Test
    void aVisitorSendsSixtyMessagesAMinuteAndThenWaits() {
        String visitor = UUID.randomUUID().toString();
        String ip = "192.0.2.11";
        // an empty body is refused (400) by the API, but it counts like any message
        assertThat(untilRefused(() -> api.call("POST", "/api/webchat/" + visitor + "/messages", "{}",
                "X-Forwarded-For", ip), 400, "visitor-messages")).isEqualTo(60);
        // another visitor on the same address is not held back
        assertThat(api.call("POST", "/api/webchat/" + UUID.randomUUID() + "/messages", "{}", "X-Forwarded-For", ip)
                .status()).isEqualTo(400);
    }

    @Test
    void aVisitorAsksForFiveCodesAndTriesTwentyTimesPerQuarterHour() {
        String visitor = UUID.randomUUID().toString();
        String proofs = "/api/webchat/" + visitor + "/identity-proofs";
        assertThat(untilRefused(() -> api.call("POST", proofs, "{\"type\":\"fax\",\"value\":\"1\"}"), 400,
                "code-sends")).isEqualTo(5);
        String attempt = proofs + "/" + UUID.randomUUID();
        assertThat(untilRefused(() -> api.call("POST", attempt, "{\"code\":\"12\"}"), 400, "code-tries"))
                .isEqualTo(20);
    }

    @Test
    void thirtyFailedLoginsFromOneAddressStopItsLoginsEvenWithTheRightPassword() {
        String ip = "192.0.2.12";
        String customer = "/api/customers/" + UUID.randomUUID();
        // a user Camunda does not know: Camunda locks a known user out for a while after a wrong password
        int[] n = {0};
        assertThat(untilRefused(() -> api.call("GET", customer, null, "Authorization",
                Api.basic("nosuchuser:wrong-" + n[0]++), "X-Forwarded-For", ip), 401, "login-failures")).isEqualTo(30);
        assertTooMany(api.call("GET", customer, null, "Authorization", Api.basic(Api.DEMO), "X-Forwarded-For", ip),
                "login-failures");
        assertTooMany(api.call("GET", customer, null, "X-Api-Key", SUPERVISOR_API_KEY, "X-Forwarded-For", ip),
                "login-failures");
        // another address logs in as usual
        assertThat(api.call("GET", customer, null, "Authorization", Api.basic(Api.DEMO), "X-Forwarded-For",
                "192.0.2.13").status()).isEqualTo(404);
    }

    @Test
    void oneAddressGetsSixThousandOpenRequestsAMinute() throws Exception {
        String ip = "192.0.2.14";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest widget = HttpRequest.newBuilder(URI.create(api.base() + "/widget.js"))
                .header("X-Forwarded-For", ip).GET().build();
        int ok = 0;
        int refused = 0;
        HttpResponse<String> aRefusal = null;
        for (int batch = 0; batch < 61; batch++) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(http.sendAsync(widget, HttpResponse.BodyHandlers.ofString()));
            }
            for (var call : calls) {
                int status = call.get().statusCode();
                ok += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
                aRefusal = status == 429 ? call.get() : aRefusal;
            }
        }
        assertThat(ok).isEqualTo(6000);
        assertThat(refused).isEqualTo(100);
        assertThat(aRefusal.body()).contains("\"error\"").contains("throughline.rate-limits.client-ip");
        assertThat(Long.parseLong(aRefusal.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(api.call("GET", "/widget.js", null, "X-Forwarded-For", "192.0.2.15").status()).isEqualTo(200);
    }

    /** Calls until refused with 429 (checked like any refusal); how many were answered {@code status} before. */
    private int untilRefused(java.util.function.Supplier<Api.Response> call, int status, String limit) {
        for (int taken = 0; taken < 10_000; taken++) {
            Api.Response response = call.get();
            if (response.status() == 429) {
                assertTooMany(response, limit);
                return taken;
            }
            assertThat(response.status()).as(response.body()).isEqualTo(status);
        }
        throw new AssertionError("never refused");
    }

    private void assertTooMany(Api.Response response, String limit) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.json().path("error").asText()).contains("throughline.rate-limits." + limit);
        assertThat(Long.parseLong(api.lastHeaders().firstValue("Retry-After").orElseThrow())).isPositive();
    }
}
