package io.throughline.webchat;

import static io.throughline.support.Api.DEMO;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.support.Api;
import io.throughline.support.EventStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator sees of a conversation going through: the metrics (read from the registry: Spring's tests leave
 * the Prometheus endpoint out), the health probes, and log lines that name the conversation. The same application context as {@link WebChatOnH2Test}, so it costs no start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
@ExtendWith(OutputCaptureExtension.class)
class OperationsOnH2Test {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    @Test
    void aConversationShowsInTheMetricsAndItsJourneysLogLinesNameIt(CapturedOutput output) throws Exception {
        double acceptedBefore = count("throughline.messages.accepted");
        double sentBefore = count("throughline.replies.sent");
        long answersBefore = meters.get("throughline.answer.confidence").summary().count();
        String visitor = UUID.randomUUID().toString();
        String conversation;
        try (var stream = new EventStream(api.base() + "/api/webchat/" + visitor + "/events", null)) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "ops-1"));
            conversation = sent.json().path("conversationId").asText();
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), Duration.ofSeconds(60))).isNotNull();
        }

        assertThat(count("throughline.messages.accepted")).isEqualTo(acceptedBefore + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("throughline.replies.sent") <= sentBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count("throughline.replies.sent")).isGreaterThan(sentBefore);
        assertThat(meters.get("throughline.answer.confidence").summary().count()).isGreaterThan(answersBefore);
        assertThat(meters.get("throughline.jobs.due").gauge().value()).isNotNegative();
        assertThat(meters.get("throughline.incidents.open").gauge().value()).isNotNegative();
        assertThat(output.getOut()).as("the journey's log lines carry the conversation id")
                .containsPattern("INFO \\[conversation " + conversation + "] .*decided ANSWER")
                .containsPattern("INFO \\[conversation " + conversation + "] .*reply [0-9a-f-]+ sent on webchat");
    }

    @Test
    void readinessNeedsTheDatabaseAndLivenessOnlyTheProcess() {
        var ready = api.get("/actuator/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.getAs(DEMO, "/actuator/health/readiness").json().path("components").has("db"))
                .as("readiness includes the database").isTrue();
    }

    private double count(String counter) {
        var found = meters.find(counter).tag("channel", "webchat").counter();
        return found == null ? 0 : found.count();
    }
}
