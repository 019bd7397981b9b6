package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.support.Api;
import io.throughline.support.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real XSS payloads in everything the widget and the help centre show, rendered by headless Chromium: a customer's
 * message, a knowledge document (its title, text, raw HTML and a {@code javascript:} link) and that document's title
 * as the citation under the bot's answer. Every payload sets {@code window.__xss}; the test asserts it stays unset, that
 * no element the payloads would create exists, and that the payload is there as text. The app's own pages carry a
 * Content-Security-Policy that lets their own scripts run (the help centre's inline one by its hash) and nothing else.
 * (The Tasklist form is covered by TasklistBrowserTest, the insights dashboard by DashboardBrowserTest.)
 */
class XssBrowserTest extends ChannelTestBase {

    private static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String SVG = "\"><svg onload=\"window.__xss=1\">";
    private static final String JS_LINK = "javascript:window.__xss=1";
    private static final String FILE = "xss-zorbulator.md";
    private static final String TITLE = "Zorbulator care " + IMG + SVG;
    private static final String QUESTION = "Does my zorbulator parcel ship with tracking?";
    private static final String ARTICLE = "# " + TITLE + "\n\n## " + QUESTION + "\n\n"
            + "Every zorbulator parcel ships with tracking: the zorbulator tracking code comes by email. " + SCRIPT + " "
            + IMG + "\n\n"
            + "Read the [zorbulator manual](" + JS_LINK + ") or <a href=\"" + JS_LINK + "\" onclick=\"window.__xss=1\">"
            + "this one</a>.\n";
    private static final String MARKUP_MESSAGE = IMG + " " + SCRIPT + " " + SVG + " " + JS_LINK;

    private static final String MESSAGES_JS = """
            const host = document.getElementById('throughline-chat');
            if (!host || !host.shadowRoot) return [];
            return Array.from(host.shadowRoot.querySelectorAll('.tl-msg')).map(m => ({
              author: m.getAttribute('data-author'), id: m.getAttribute('data-id') || '',
              text: (m.querySelector('.tl-text') || {}).textContent || '',
              citations: Array.from(m.querySelectorAll('.tl-citation')).map(c => c.textContent).join('\\n'),
              injected: m.querySelectorAll('img, svg, script, iframe, [onerror], [onload]').length
            }));
            """;

    private static Browser browser;
    private static WebDriver driver;

    @Autowired
    KnowledgeBase knowledgeBase;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start("the XSS browser test of the widget and the help centre", 1280, 900);
        driver = browser.driver();
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
    void payloadsInAMessageADocumentAndACitationAreShownAsTextAndNeverRun() throws Exception {
        upload(FILE, ARTICLE);
        try {
            driver.get(api.base() + "/");
            send(QUESTION);
            var answer = await("the bot's answer citing the document", ms -> ms.stream()
                    .anyMatch(m -> "bot".equals(m.get("author")) && ((String) m.get("citations")).contains("Zorbulator")));
            assertThat(answer.stream().filter(m -> "bot".equals(m.get("author"))).map(m -> (String) m.get("citations")))
                    .anyMatch(citations -> citations.contains(TITLE));
            send(MARKUP_MESSAGE);
            var all = await("the markup message confirmed", ms -> ms.stream().anyMatch(m -> "customer".equals(m.get("author"))
                    && MARKUP_MESSAGE.equals(m.get("text")) && !((String) m.get("id")).isEmpty()));
            assertThat(all).allMatch(m -> ((Number) m.get("injected")).intValue() == 0);
            assertNothingRan();

            driver.get(api.base() + "/help/" + FILE);
            String article = driver.findElement(By.cssSelector("main")).getText();
            assertThat(article).contains(TITLE, SCRIPT, "Every zorbulator parcel ships with tracking");
            assertThat(driver.findElements(By.cssSelector("main img, main svg, main script, main [onerror], main [onload], "
                    + "main [onclick], a[href^='javascript']"))).isEmpty();
            assertThat(article).as("raw HTML in Markdown is shown, not made").contains("<a href=\"" + JS_LINK + "\"");
            assertNothingRan();
            // the Markdown link survives without its javascript: target: following it runs nothing
            for (WebElement link : driver.findElements(By.partialLinkText("zorbulator manual"))) {
                assertThat(link.getDomAttribute("href")).doesNotContainIgnoringCase("javascript");
                link.click();
            }
            assertNothingRan();

            driver.get(api.base() + "/help?q=zorbulator");
            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Zorbulator care");
            assertThat(driver.findElements(By.cssSelector("main img, main svg, main [onerror], main [onload]"))).isEmpty();
            assertNothingRan();
            assertThat(browser.consoleErrors()).as("the pages' own scripts are allowed by their policy")
                    .noneMatch(error -> error.contains("Content Security Policy"));
        } finally {
            browser.screenshot("xss-help.png");
            Files.deleteIfExists(Path.of("knowledge", FILE));
            knowledgeBase.ingest();
        }
    }

    @Test
    void theAppsOwnPagesCarryAContentSecurityPolicy() {
        for (String page : List.of("/", "/help", "/help/shipping.md", "/insights")) {
            var response = api.call("GET", page, null, "Authorization", Api.basic(Api.DEMO));
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(api.lastHeaders().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
                            .doesNotContain("'unsafe-inline' 'unsafe-eval'").doesNotContain("script-src 'self' 'unsafe"));
        }
    }

    private void send(String text) {
        WebElement input = shadow().findElement(By.cssSelector("textarea#tl-input"));
        input.click();
        input.sendKeys(text, Keys.ENTER);
    }

    private void assertNothingRan() {
        assertThat(browser.js().executeScript("return typeof window.__xss")).isEqualTo("undefined");
    }

    private SearchContext shadow() {
        browser.waiting(Duration.ofSeconds(30)).until(d -> browser.js().executeScript(
                "const h = document.getElementById('throughline-chat'); return !!(h && h.shadowRoot "
                        + "&& h.shadowRoot.querySelector('#tl-input'));"));
        return driver.findElement(By.id("throughline-chat")).getShadowRoot();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> await(String what, java.util.function.Predicate<List<Map<String, Object>>> done) {
        List<Map<String, Object>>[] last = new List[] {List.of()};
        try {
            browser.waiting(Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(250)).until(d -> {
                last[0] = (List<Map<String, Object>>) browser.js().executeScript(MESSAGES_JS);
                return done.test(last[0]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            String conversation = last[0].stream().filter(m -> "customer".equals(m.get("author"))).findFirst()
                    .map(m -> api.getAs(Api.DEMO, "/api/customers?identity=visitor:" + browser.js().executeScript(
                            "return Object.values(localStorage).join(' ')")).body()).orElse("");
            throw new AssertionError(what + " did not happen; the widget shows " + last[0] + "; " + conversation, e);
        }
        return last[0];
    }

    private void upload(String name, String markdown) throws Exception {
        String boundary = "xss" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n";
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/knowledge/sources"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", Api.basic(Api.DEMO))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
