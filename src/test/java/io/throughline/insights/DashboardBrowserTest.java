package io.throughline.insights;

import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.Browser;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard at {@code /insights} in a real headless Chromium, logged in with HTTP Basic, against the whole app (the
 * same context as {@code WebChatOnH2Test}: keep the annotation identical). The charts draw the data, a filter redraws
 * them, the journey is drawn on its BPMN diagram with counts per step, and markup in the data stays text. The page is
 * saved to {@code target/browser/insights-dashboard.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start("the browser test of the insights dashboard", 1400, 3600);
        driver = browser.driver();
        // HTTP Basic on every request of the page, as the browser does once a person has logged in
        ((HasCdp) driver).executeCdpCommand("Network.enable", Map.of());
        ((HasCdp) driver).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(Api.DEMO.getBytes()))));
    }

    @AfterAll
    static void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        browser = null;
        driver = null;
    }

    @Test
    void theChartsDrawTheDataAFilterRedrawsThemAndTheJourneyIsDrawnOnItsDiagram() throws Exception {
        DashboardData data = DashboardData.writeOnce(jdbc);
        aRealConversationRanThroughTheJourney();
        try {
            driver.get("http://127.0.0.1:" + port + "/insights");
            int loads = awaitLoad(0);

            long everything = chartTotal("chart-daily");
            assertThat(everything).as("conversations drawn per day").isGreaterThanOrEqualTo(data.total);
            assertThat(tileValue("Conversations")).isEqualTo(String.valueOf(everything));
            assertThat(chartLabels("chart-channels")).contains("whatsapp", "email", "sms", "messenger");
            assertThat(intValue("return Number(document.body.dataset.overlays || 0)"))
                    .as("counts on the steps of general-support").isPositive();
            assertThat(driver.findElements(By.cssSelector("#diagram .tl-overlay"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#gaps > li"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#rows tbody tr"))).hasSizeGreaterThan(5);
            browser.screenshot("insights-dashboard.png");

            new Select(driver.findElement(By.id("f-channel"))).selectByValue("whatsapp");
            awaitLoad(loads);

            assertThat(chartTotal("chart-daily")).isEqualTo(data.perChannel.get("whatsapp").longValue());
            assertThat(chartLabels("chart-channels")).containsExactly("whatsapp");
            assertThat(tileValue("Conversations")).isEqualTo(String.valueOf(data.perChannel.get("whatsapp")));
            assertThat(driver.getCurrentUrl()).contains("channel=whatsapp");
            assertThat(driver.findElement(By.id("csv")).getAttribute("href")).contains("channel=whatsapp", "format=csv");
            browser.screenshot("insights-dashboard-whatsapp.png");

            String gaps = driver.findElement(By.id("gaps")).getText();
            assertThat(gaps).as("markup shown as text").contains("<img src=x onerror=");
            assertThat(driver.findElements(By.cssSelector("#gaps img, #rows img"))).isEmpty();
            assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__xss")).isEqualTo("undefined");
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        } catch (AssertionError | TimeoutException e) {
            browser.screenshot("insights-dashboard-failed.png");
            browser.pageSource("insights-dashboard-failed.html");
            throw e;
        }
    }

    /** A web-chat question answered by the bot, so general-support has history to draw. */
    private void aRealConversationRanThroughTheJourney() throws InterruptedException {
        var api = new Api("http://127.0.0.1:" + port);
        var sent = api.post("/api/webchat/" + UUID.randomUUID() + "/messages",
                message("How long does shipping take?", "m-1")).json();
        UUID conversation = UUID.fromString(sent.path("conversationId").asText());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'OUT'")
                .param(conversation).query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not answer within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the page has finished more loads than {@code before}; returns how many. */
    private int awaitLoad(int before) {
        new WebDriverWait(driver, PATIENCE).withMessage("the dashboard never finished loading")
                .until(d -> intValue("return Number(document.body.dataset.loads || 0)") > before);
        String error = driver.findElement(By.id("error")).isDisplayed() ? driver.findElement(By.id("error")).getText() : "";
        assertThat(error).as("the page's error line").isEmpty();
        return intValue("return Number(document.body.dataset.loads || 0)");
    }

    private long chartTotal(String canvas) {
        Object total = ((JavascriptExecutor) driver).executeScript("""
                const chart = Chart.getChart(arguments[0]);
                return chart.data.datasets.reduce((sum, d) => sum + d.data.reduce((a, b) => a + b, 0), 0);""", canvas);
        return ((Number) total).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> chartLabels(String canvas) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(arguments[0]).data.labels;", canvas);
    }

    private String tileValue(String label) {
        return driver.findElement(By.cssSelector("#tiles .tile[data-kpi='" + label + "'] .value")).getText()
                .replace(",", "");
    }

    private int intValue(String script) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script)).intValue();
    }
}
