package io.throughline.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.answer.Voice;
import io.throughline.support.Browser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo page and the web-chat widget in a real headless Chromium, against the whole application (the same context as
 * {@link WebChatOnH2Test}: keep the annotation identical so Spring's test-context cache starts one app for both).
 *
 * <p>The tests run in order in ONE browser session, i.e. one visitor and one conversation, the way a person uses the page:
 * ask a question, ask for a person, get the agent's reply, reload, keep chatting.
 *
 * <p>The browser comes from {@link Browser}: without Chromium installed the class is skipped loudly (a failure in CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPageBrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ProcessEngine thisContextsEngine;

    /** Tasklist and /engine-rest serve the engine registered last; make it this context's (see DefaultEngine). */
    @org.junit.jupiter.api.BeforeEach
    void serveThisContextsEngine() {
        io.throughline.support.DefaultEngine.use(thisContextsEngine);
    }


    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String SHIPPING_QUESTION = "How long does shipping take?";
    private static final String SHIPPING_TITLE = "Shipping and Delivery"; // the H1 of knowledge/shipping.md
    private static final String PERSON_PLEASE = "I want to talk to a human agent please";
    private static final String AGENT_REPLY = "Hi, Sam from Larkspur here";
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

    /** Every message bubble, as plain data: {id, author, text, pending, citations: [{text, source}]}. */
    private static final String MESSAGES_JS = """
            const host = document.getElementById('throughline-chat');
            if (!host || !host.shadowRoot) return null;
            const list = host.shadowRoot.querySelector('#tl-messages');
            if (!list) return null;
            return Array.from(list.querySelectorAll('.tl-msg')).map(m => ({
              id: m.getAttribute('data-id') || '',
              author: m.getAttribute('data-author'),
              text: (m.querySelector('.tl-text') || {}).textContent,
              pending: m.classList.contains('tl-pending'),
              failed: m.classList.contains('tl-failed'),
              citations: Array.from(m.querySelectorAll('.tl-citation'))
                  .map(c => ({text: c.textContent, source: c.getAttribute('data-source') || ''}))
            }));
            """;

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Voice voice;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start("the browser tests of the demo page and the web-chat widget", 1280, 900);
        driver = browser.driver();
    }

    @AfterAll
    static void quitBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            driver = null;
        }
    }

    @BeforeEach
    void onTheDemoPage() {
        if (!driver.getCurrentUrl().startsWith(base())) {
            driver.get(base() + "/");
        }
        awaitWidget();
    }

    @Test
    @Order(1)
    void theDemoPageShowsTheShopAndTheWidgetAndTheBotAnswersWithACitation() throws IOException {
        try {
            assertThat(driver.getTitle()).contains("Larkspur");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Larkspur Coffee Co.");
            assertThat(shadow().findElement(By.cssSelector("#tl-panel")).isDisplayed()).as("the panel opens on load").isTrue();
            assertThat(shadow().findElement(By.cssSelector("#tl-input")).isDisplayed()).isTrue();

            send(SHIPPING_QUESTION);

            var own = await("the customer's own bubble",
                    ms -> ms.stream().anyMatch(m -> "customer".equals(m.get("author")) && SHIPPING_QUESTION.equals(m.get("text"))));
            assertThat(own).isNotEmpty();
            var withBot = await("a bot bubble citing " + SHIPPING_TITLE, ms -> ms.stream().anyMatch(
                    m -> "bot".equals(m.get("author")) && citations(m).stream().anyMatch(c -> text(c).contains(SHIPPING_TITLE))));
            var answer = withBot.stream()
                    .filter(m -> "bot".equals(m.get("author")) && citations(m).stream().anyMatch(c -> text(c).contains(SHIPPING_TITLE)))
                    .findFirst().orElseThrow();
            assertThat(citations(answer)).anyMatch(c -> "shipping.md".equals(c.get("source")));
            assertThat(text(answer)).containsIgnoringCase("business days");
            // The customer's bubble was confirmed by the server (it carries the message id, no longer "Sending...").
            await("the customer's bubble confirmed", ms -> ms.stream().anyMatch(m -> "customer".equals(m.get("author"))
                    && SHIPPING_QUESTION.equals(m.get("text")) && !((String) m.get("id")).isEmpty() && !(Boolean) m.get("pending")));
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        } finally {
            screenshot("demo-page.png");
        }
    }

    @Test
    @Order(2)
    void askingForAPersonHandsOffAndTheAgentsReplyAppearsInThePage() throws InterruptedException {
        send(PERSON_PLEASE);

        await("the bot's handoff notice", ms -> ms.stream()
                .anyMatch(m -> "bot".equals(m.get("author")) && voice.handoff().equals(m.get("text"))));

        Task task = awaitTask(conversationId());
        tasks.complete(task.getId(), Map.of("reply", AGENT_REPLY));

        await("the agent's reply", ms -> ms.stream()
                .anyMatch(m -> "agent".equals(m.get("author")) && AGENT_REPLY.equals(m.get("text"))));
        screenshot("after-agent-reply.png");
    }

    @Test
    @Order(3)
    void aReloadReplaysTheConversationWithoutDuplicates() throws InterruptedException {
        if (messages().isEmpty()) { // run on its own: make some history first
            send(SHIPPING_QUESTION);
            await("a bot reply", ms -> ms.stream().anyMatch(m -> "bot".equals(m.get("author"))));
        }
        var before = settled();
        assertThat(before).isNotEmpty();

        driver.navigate().refresh();
        awaitWidget();
        await("the replay", ms -> ms.size() >= before.size());
        Thread.sleep(2_000); // a duplicate would arrive with the replay or just after it
        var after = settled();

        assertThat(ids(after)).as("no bubble twice").doesNotHaveDuplicates();
        assertThat(after).as("every bubble carries a server id").allMatch(m -> !((String) m.get("id")).isEmpty());
        assertThat(summaries(after)).as("the same bubbles, in the same order").containsExactlyElementsOf(summaries(before));
    }

    @Test
    @Order(4)
    void markupInAMessageIsShownAsTextAndNeverRuns() throws InterruptedException {
        WebElement input = shadow().findElement(By.cssSelector("textarea#tl-input"));
        input.click();
        input.sendKeys(XSS, Keys.ENTER); // the keyboard path: Enter sends

        await("the XSS message confirmed by the server", ms -> ms.stream().anyMatch(m -> "customer".equals(m.get("author"))
                && XSS.equals(m.get("text")) && !((String) m.get("id")).isEmpty() && !(Boolean) m.get("pending")));
        assertNoMarkupRan();

        // After a reload the bubble is drawn from the server's copy on the stream, not from what was typed.
        driver.navigate().refresh();
        awaitWidget();
        await("the XSS message replayed", ms -> ms.stream().anyMatch(m -> "customer".equals(m.get("author")) && XSS.equals(m.get("text"))));
        Thread.sleep(1_000);
        assertNoMarkupRan();
    }

    @Test
    @Order(5)
    void typingAQuestionOffersHelpArticlesAndOpeningOneIsCountedAsAView() {
        WebElement input = shadow().findElement(By.cssSelector("textarea#tl-input"));
        input.click();
        input.sendKeys("do you ship to Belgium and how long");

        new WebDriverWait(driver, PATIENCE).until(d -> shadow().findElement(By.cssSelector("#tl-suggestions")).isDisplayed());
        List<WebElement> links = shadow().findElements(By.cssSelector("a.tl-suggestion"));
        assertThat(links).hasSizeBetween(1, 3);
        WebElement shipping = links.stream().filter(a -> "shipping.md".equals(a.getAttribute("data-path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion of shipping.md among " + links.stream().map(WebElement::getText).toList()));
        assertThat(shipping.getText()).isEqualTo(SHIPPING_TITLE);
        assertThat(shipping.getAttribute("href")).isEqualTo(base() + "/help/shipping.md");
        assertThat(shipping.getAttribute("target")).isEqualTo("_blank");
        screenshot("widget-suggestions.png");

        String visitor = (String) js().executeScript("return window.Throughline.visitorId();");
        String window = driver.getWindowHandle();
        shipping.click();
        new WebDriverWait(driver, PATIENCE).until(d -> jdbc.sql("select count(*) from article_views where visitor_id = ? and path = ?")
                .params(visitor, "shipping.md").query(Long.class).single() == 1);
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(window)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(window);

        // sending the message clears the suggestions: the visitor chose to ask after all
        shadow().findElement(By.cssSelector("button#tl-send")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> !shadow().findElement(By.cssSelector("#tl-suggestions")).isDisplayed());
        assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void assertNoMarkupRan() {
        Object injected = js().executeScript("""
                const root = document.getElementById('throughline-chat').shadowRoot;
                return { xss: typeof window.__xss, imgs: root.querySelectorAll('#tl-messages img').length,
                         pageImgs: document.querySelectorAll('img[src="x"]').length };
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) injected;
        assertThat(found).containsEntry("xss", "undefined").containsEntry("imgs", 0L).containsEntry("pageImgs", 0L);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JavascriptExecutor js() {
        return browser.js();
    }

    private SearchContext shadow() {
        return driver.findElement(By.cssSelector("throughline-chat#throughline-chat")).getShadowRoot();
    }

    private void awaitWidget() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("the widget never appeared on the page")
                .until(d -> js().executeScript(MESSAGES_JS) != null
                        && shadow().findElement(By.cssSelector("#tl-panel")).isDisplayed());
    }

    private void send(String text) {
        WebElement input = shadow().findElement(By.cssSelector("textarea#tl-input"));
        input.click();
        input.sendKeys(text);
        assertThat(input.getDomProperty("value")).isEqualTo(text);
        shadow().findElement(By.cssSelector("button#tl-send")).click();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messages() {
        Object result = js().executeScript(MESSAGES_JS);
        return result == null ? List.of() : (List<Map<String, Object>>) result;
    }

    private List<Map<String, Object>> await(String what, Predicate<List<Map<String, Object>>> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(200))
                    .until(d -> {
                        var ms = messages();
                        return condition.test(ms) ? ms : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the chat shows " + messages()
                    + (errorText().isEmpty() ? "" : "; the widget's error: " + errorText()), e);
        }
    }

    /** The bubbles once none is still on its way (no "Sending...", every one with a server id). */
    private List<Map<String, Object>> settled() {
        return await("every bubble confirmed by the server",
                ms -> ms.stream().allMatch(m -> !((String) m.get("id")).isEmpty() && !(Boolean) m.get("pending")));
    }

    private String errorText() {
        try {
            WebElement error = shadow().findElement(By.cssSelector("#tl-error"));
            return error.isDisplayed() ? error.getText() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> citations(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("citations");
    }

    private static String text(Map<String, Object> map) {
        return Objects.toString(map.get("text"), "");
    }

    private static List<String> ids(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> (String) m.get("id")).toList();
    }

    private static List<String> summaries(List<Map<String, Object>> messages) {
        List<String> out = new ArrayList<>();
        for (var m : messages) {
            out.add(m.get("id") + " " + m.get("author") + ": " + m.get("text") + " " + citations(m));
        }
        return out;
    }

    private String conversationId() {
        String visitor = (String) js().executeScript("return window.Throughline.visitorId();");
        assertThat(visitor).as("the widget's visitor id").isNotBlank();
        return jdbc.sql("""
                        select c.id from conversations c join customer_identities i on i.customer_id = c.customer_id
                        where i.identity_type = 'visitor' and i.identity_value = ? and c.status = 'OPEN'""")
                .param(visitor).query(UUID.class).single().toString();
    }

    private Task awaitTask(String conversationId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(conversationId).singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no Camunda task for conversation " + conversationId + " within " + PATIENCE);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
