package io.throughline.insights;

import static io.throughline.support.Api.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.support.Api;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights API over HTTP against the whole application, in the same context as {@code WebChatOnH2Test} (keep the
 * annotation identical: one app for all of them). Other tests of that app chat on the web: these look at the other
 * channels, which only {@link DashboardData} writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
class InsightsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveGauges gauges;
    @Autowired
    MeterRegistry meters;

    private Api api;
    private DashboardData data;
    private String range;

    @BeforeEach
    void data() {
        api = new Api("http://127.0.0.1:" + port);
        data = DashboardData.writeOnce(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // to tomorrow: not the dashboard's range, so the browser test of the same app never gets a report made here
        range = "from=" + today.minusDays(29) + "&to=" + today.plusDays(1);
    }

    @Test
    void everythingNeedsALogin() {
        for (String path : List.of("/api/insights/kpis", "/api/insights/conversations", "/api/insights/content-gaps",
                "/api/insights/live", "/api/insights/journeys", "/insights", "/insights/insights.js")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(api.getAs(DEMO, "/insights").body()).contains("<title>Insights");
    }

    @Test
    void kpisFollowTheFilters() {
        var all = api.getAs(DEMO, "/api/insights/kpis?" + range).json();
        var whatsapp = api.getAs(DEMO, "/api/insights/kpis?" + range + "&channel=whatsapp").json();

        assertThat(all.path("totals").path("conversations").asLong()).isGreaterThanOrEqualTo(data.total);
        assertThat(whatsapp.path("totals").path("conversations").asInt()).isEqualTo(data.perChannel.get("whatsapp"));
        assertThat(whatsapp.path("filter").path("channel").asText()).isEqualTo("whatsapp");
        assertThat(whatsapp.path("byChannel")).hasSize(1);
        assertThat(all.path("options").path("channels").toString()).contains("whatsapp", "email", "sms", "messenger");
        assertThat(all.path("options").path("journeys").toString()).contains("pre-sales", "booking");
        assertThat(all.path("totals").path("containment").path("rate").isNumber()).isTrue();
        assertThat(all.path("totals").path("csat").path("responses").asLong()).isPositive();
        assertThat(all.path("totals").path("conversion").path("preSales").asLong()).isPositive();
        assertThat(all.path("daily")).hasSize(31);
        var preSales = api.getAs(DEMO, "/api/insights/kpis?" + range + "&journey=pre-sales&channel=whatsapp").json();
        assertThat(preSales.path("totals").path("conversations").asLong())
                .isLessThan(whatsapp.path("totals").path("conversations").asLong());

        var bad = api.getAs(DEMO, "/api/insights/kpis?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("from");
        assertThat(api.getAs(DEMO, "/api/insights/kpis?from=2026-03-02&to=2026-03-01").status()).isEqualTo(400);
    }

    @Test
    void conversationsComeAsJsonPagesOrAsCsvWithFormulasDisarmed() throws Exception {
        var page = api.getAs(DEMO, "/api/insights/conversations?" + range + "&channel=whatsapp&limit=5").json();
        assertThat(page.path("total").asInt()).isEqualTo(data.perChannel.get("whatsapp"));
        assertThat(page.path("rows")).hasSize(5);
        assertThat(page.path("rows").get(0).fieldNames()).toIterable().contains("channels", "journeys", "intent",
                "firstResponseSeconds", "handedOff", "resolvedAt", "csatScore", "reopened");

        var csv = api.getAs(DEMO, "/api/insights/conversations?" + range + "&format=csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(records.size()).isGreaterThanOrEqualTo(data.total);
        assertThat(records.get(0).toMap().keySet()).contains("channels", "journeys", "intent", "first_response_seconds",
                "handed_off", "resolution_seconds", "csat_score", "reopened");
        assertThat(records).anySatisfy(r -> assertThat(r.get("csat_comment")).isEqualTo("'" + DashboardData.FORMULA_COMMENT));

        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/insights/conversations?" + range + "&channel=sms"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(DEMO.getBytes()))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(accepted.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"conversations-"));
        assertThat(accepted.body().lines().count()).isEqualTo(1 + data.perChannel.get("sms"));
    }

    @Test
    void contentGapsLiveViewJourneysAndPrometheusGauges() {
        var gaps = api.getAs(DEMO, "/api/insights/content-gaps?" + range).json();
        assertThat(gaps.path("gaps").findValuesAsText("text")).contains("Do you ship to Norway?",
                "Can you deliver to Norway?", DashboardData.MARKUP_QUESTION);
        assertThat(gaps.path("gaps").get(0).path("examples").get(0).path("text").asText()).isNotBlank();

        var live = api.getAs(DEMO, "/api/insights/live").json();
        assertThat(live.path("open").asLong()).isPositive();
        assertThat(live.path("byQueueAndChannel").toString()).contains("\"queue\":\"support\"");

        var journeys = api.getAs(DEMO, "/api/insights/journeys").json();
        assertThat(journeys.findValuesAsText("key")).contains("general-support").doesNotContain("journey-wake-up");
        var steps = api.getAs(DEMO, "/api/insights/journeys/general-support?" + range);
        assertThat(steps.status()).isEqualTo(200);
        assertThat(steps.json().has("channelSwitches")).isTrue();
        var diagram = api.getAs(DEMO, "/api/insights/journeys/general-support/diagram");
        assertThat(diagram.body()).contains("UserTask_Agent");
        assertThat(api.getAs(DEMO, "/api/insights/journeys/nope").status()).isEqualTo(404);

        // Spring Boot's tests switch the Prometheus endpoint off; the meters it would publish are these
        gauges.refresh();
        assertThat(meters.find("throughline.conversations.open").tags("channel", "whatsapp").gauges()).isNotEmpty();
        assertThat(meters.find("throughline.conversations.waiting").tag("queue", "support").gauge().value()).isPositive();
        assertThat(meters.find("throughline.tasks.waiting.all").gauge()).isNotNull();
        assertThat(meters.find("throughline.conversations.sla.at.risk").gauges()).isNotEmpty();
    }
}
