package io.throughline.handoff;

import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.Browser;
import io.throughline.support.EventStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real agent works a handoff in Camunda Tasklist, in a headless Chromium: logs in, finds the task in the "Support
 * queue" filter (with its one-line summary), claims it, reads the Camunda Form ({@code forms/handoff.form}) with the
 * whole context, copies the suggested reply into their reply, edits it, adds a note and completes; the reply reaches
 * the customer's web-chat stream.
 *
 * <p>The same context as {@code WebChatOnH2Test} and {@code DemoPageBrowserTest}: keep the annotation identical so Spring's
 * test-context cache starts one app for all of them. Other tests of that app leave their own tasks behind, so this one
 * looks its task up by its conversation and clicks exactly that entry of the list.
 *
 * <p>The browser comes from {@link Browser}: without Chromium installed the class is skipped loudly (a failure in CI).
 * The rendered form is saved to {@code target/browser/tasklist-form.png} (as the agent first sees it),
 * {@code tasklist-form-full.png} (the whole form in a tall window) and {@code tasklist-reply.png} (the reply written).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
class TasklistBrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ProcessEngine thisContextsEngine;

    /** Tasklist and /engine-rest serve the engine registered last; make it this context's (see DefaultEngine). */
    @org.junit.jupiter.api.BeforeEach
    void serveThisContextsEngine() {
        io.throughline.support.DefaultEngine.use(thisContextsEngine);
    }


    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PERSON_PLEASE = "I want to talk to a human agent please";
    private static final String SUGGESTION = "Standard shipping takes 3-5 business days within the EU.";
    private static final String REPLY = SUGGESTION + " Hello from Tasklist";
    private static final String NOTE = "worked in Tasklist by the browser test";
    private static final String SUGGESTED = "Suggested reply (from the knowledge base)";

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start("the Camunda Tasklist browser test of the handoff form", 1400, 1000);
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

    /** An attribute the business's systems sent, with markup that would run if the form rendered it as HTML. */
    private static final String MARKUP_ATTRIBUTE = "<img src=x onerror=\"window.__xss=1\"> \"><svg onload=\"window.__xss=1\">";

    @Test
    void anAgentReadsTheContextInTasklistAndTheirReplyReachesTheCustomersChat() throws Exception {
        Api api = new Api(base());
        String visitor = UUID.randomUUID().toString();
        try (var stream = new EventStream(base() + "/api/webchat/" + visitor + "/events", null)) {
            var sent = api.post("/api/webchat/" + visitor + "/messages", message("How long does shipping take?", "m-0"));
            assertThat(stream.await(e -> e.path("author").asText().equals("bot"), Duration.ofSeconds(30))).isNotNull();
            var attributes = api.putAs(Api.DEMO, "/api/customers/" + sent.json().path("customerId").asText() + "/attributes",
                    "{\"plan\":\"plus\",\"account\":\"A-1001\",\"orders\":[{\"orderNumber\":\"A-1042\",\"status\":\"shipped\"}],"
                            + "\"nickname\":" + Api.quote(MARKUP_ATTRIBUTE) + "}");
            assertThat(attributes.status()).isEqualTo(200);
            sent = api.post("/api/webchat/" + visitor + "/messages", message(PERSON_PLEASE, "m-1"));
            assertThat(sent.status()).isEqualTo(202);
            Task task = awaitTask(sent.json().path("conversationId").asText());
            // Whether the answerer has a confident answer to "a person, please" is not this test's business
            // (ContextAssemblerTest and WhatsAppHandoffTest cover when one is offered): the form is. Give the task a
            // suggestion as the create-listener does when there is one.
            tasks.setVariableLocal(task.getId(), "suggestedReply", SUGGESTION);

            logIn();
            openTask(task);
            claim();
            awaitForm();
            browser.screenshot("tasklist-form.png"); // the form as the agent first sees it: the context at the top
            fullFormScreenshot();
            try {
                assertThat(field("In short").getDomProperty("value"))
                        .isEqualTo("“" + PERSON_PLEASE + "” — Unnamed customer on webchat");
                assertThat(field("Customer").getDomProperty("value")).startsWith("Unnamed customer\n")
                        .contains("web chat visitor (id hidden)", "Plan: plus", "  • order number: A-1042 · status: shipped")
                        .contains(MARKUP_ATTRIBUTE)   // shown as the text it is: nothing of it ran
                        .doesNotContain(visitor);
                assertThat(browser.js().executeScript("return typeof window.__xss")).isEqualTo("undefined");
                assertThat(field("Details gathered").getDomProperty("value")).isEqualTo("(none gathered)");
                assertThat(field("Conversation so far (every channel)").getDomProperty("value"))
                        .containsPattern("\\d\\d:\\d\\d customer \\(webchat\\): How long does shipping take\\?")
                        .containsPattern("\\d\\d:\\d\\d customer \\(webchat\\): " + PERSON_PLEASE);
                assertThat(field("Intent").getDomProperty("value")).startsWith("human (score ");
                assertThat(field("Queue, priority, due").getDomProperty("value")).startsWith("support queue · priority 50");
                assertThat(field("Why it came to you (rules)").getDomProperty("value")).contains("• customer asked for a person");
                for (String readOnly : List.of("In short", "Customer", "Details gathered",
                        "Conversation so far (every channel)", "Intent", "Queue, priority, due", "What the AI answered",
                        "From which sources", "Why it came to you (rules)", SUGGESTED)) {
                    assertThat(field(readOnly).getDomAttribute("readonly")).as(readOnly + " is read-only").isNotNull();
                }
                // form-js radios carry no value attribute: an option is its label, whose "for" names the input
                assertThat(field("Reply and keep the conversation with me").isSelected())
                        .as("the outcome 'reply' is chosen by default").isTrue();
                assertThat(field("Reply (optional) and resolve the conversation").isSelected()).isFalse();

                WebElement reply = field("Your reply to the customer");
                assertThat(reply.getDomAttribute("readonly")).isNull();
                assertThat(reply.isEnabled()).as("the reply field is editable once the task is claimed").isTrue();
                assertThat(reply.getDomProperty("value")).as("every task starts with reply empty").isEmpty();
                WebElement suggestion = field(SUGGESTED);
                assertThat(suggestion.getDomProperty("value")).isEqualTo(SUGGESTION);
                // the agent copies the suggestion the way the form's hint says: select all in it, copy, paste, edit
                suggestion.click();
                suggestion.sendKeys(Keys.chord(Keys.CONTROL, "a"));
                suggestion.sendKeys(Keys.chord(Keys.CONTROL, "c"));
                reply.click();
                reply.sendKeys(Keys.chord(Keys.CONTROL, "v"));
                assertThat(reply.getDomProperty("value")).as("the suggestion pasted into the reply").isEqualTo(SUGGESTION);
                reply.sendKeys(REPLY.substring(SUGGESTION.length()));
                field("Internal note (never sent)").sendKeys(NOTE);
                assertThat(reply.getDomProperty("value")).isEqualTo(REPLY);
            } finally {
                browser.pageSource("tasklist-form.html");
                scrollTo(fieldOrNull("Your reply to the customer"));
                browser.screenshot("tasklist-reply.png");
            }

            complete();

            var agent = stream.await(e -> e.path("author").asText().equals("agent"), Duration.ofSeconds(30));
            assertThat(agent).as("the agent's reply on the customer's stream").isNotNull();
            assertThat(agent.data().path("text").asText()).isEqualTo(REPLY);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is done").isZero();
            // Tasklist submits every field, the read-only ones too: they land on the task's own (local) variables and go
            // with it; what the agent wrote reaches the journey.
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId()).list())
                    .filteredOn(v -> v.getTaskId() == null)
                    .extracting(HistoricVariableInstance::getName)
                    .doesNotContain("summary", "customer", "transcript", "routing", "aiAnswer", "sources", "suggestedReply");
            assertThat(processVariable(task, "note")).isEqualTo(NOTE);
            assertThat(processVariable(task, "outcome")).isEqualTo("reply");
            assertThat(processVariable(task, "intent")).as("the submitted form left the journey's own intent alone")
                    .isEqualTo("human");
            var conversation = api.getAs(Api.DEMO, "/api/conversations/" + sent.json().path("conversationId").asText());
            assertThat(conversation.json().path("notes").findValuesAsText("text")).containsExactly(NOTE);
            assertThat(conversation.json().path("messages").findValuesAsText("text")).doesNotContain(NOTE);
        }
    }

    // ---- the agent's steps -------------------------------------------------------------------------

    private void logIn() {
        driver.get(base() + "/camunda/app/tasklist/");
        WebElement user = until("Camunda's login form", d -> visible(By.cssSelector("form[name=signinForm] input[ng-model=username]")));
        user.sendKeys("demo");
        driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        until("the Tasklist after the login (its filter column)", d -> visible(By.cssSelector(".task-filters")));
    }

    private void openTask(Task task) {
        // "All tasks" (camunda.bpm.filter.create) comes first, then one filter per queue (TaskQueues); the name shares
        // its link with the task counter ("Support queue 7"), so match the name as a prefix
        WebElement queue = until("the \"Support queue\" filter", d -> visible(By.xpath(
                "//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"
                        + "[.//h4[starts-with(normalize-space(),'Support queue')]]")));
        if (!queue.getDomAttribute("class").contains("active")) {
            queue.findElement(By.cssSelector("h4.name a")).click();
        }
        By entry = By.cssSelector("li.task a[href*='task=" + task.getId() + "']");
        WebElement link = until("the task \"Reply to the customer\" in the support queue", d -> visible(entry));
        assertThat(link.getText()).isEqualTo("Reply to the customer");
        WebElement item = link.findElement(By.xpath("ancestor::li[contains(@class,'task')][1]"));
        until("the task's summary in the list (the filter's \"In short\" variable)",
                d -> item.getText().contains("In short") && item.getText().contains("“I want") ? item : null);
        // other tests' tasks can push it under Tasklist's fixed footer: bring it into view before clicking
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        until("the task view of " + task.getId(), d -> visible(By.cssSelector("li.assignee")));
    }

    private void claim() {
        until("the Claim button", d -> visible(By.cssSelector("button.claim"))).click();
        until("the task claimed by demo", d -> driver.findElements(By.cssSelector("button.claim")).isEmpty());
    }

    private void awaitForm() {
        until("the Camunda Form with the reply field enabled", d -> {
            WebElement reply = fieldOrNull("Your reply to the customer");
            return reply != null && reply.isDisplayed() && reply.isEnabled() ? reply : null;
        });
    }

    private void complete() {
        WebElement button = until("an enabled Complete button", d -> driver.findElements(By.xpath(
                        "//button[@type='submit'][normalize-space()='Complete']")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
        scrollTo(button); // below a long form, Tasklist's footer covers it until it is scrolled up
        button.click();
        until("the task view to close after completing", d -> {
            var errors = driver.findElements(By.cssSelector(".notifications .alert-danger, .alert-danger"));
            if (errors.stream().anyMatch(WebElement::isDisplayed)) {
                throw new AssertionError("Tasklist reported: " + errors.stream().map(WebElement::getText).toList());
            }
            return !driver.getCurrentUrl().contains("task=");
        });
    }

    /** The whole form in one picture: a window tall enough for it, then back to the agent's size. */
    private void fullFormScreenshot() {
        var size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(size.getWidth(), 2_400));
            browser.screenshot("tasklist-form-full.png");
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The form field labelled {@code label} (a form-js label's {@code for} names the input, textarea or radio group). */
    private WebElement field(String label) {
        WebElement field = fieldOrNull(label);
        if (field == null) {
            browser.pageSource("tasklist-form-missing-field.html");
            throw new AssertionError("no form field labelled \"" + label + "\" (page saved to target/browser/)");
        }
        return field;
    }

    private WebElement fieldOrNull(String label) {
        try {
            for (WebElement l : driver.findElements(By.xpath("//form//label[normalize-space()=" + xpathLiteral(label) + "]"))) {
                // a radio option's label wraps its input; a field's label names it with "for"
                String id = l.getDomAttribute("for");
                if (id != null) {
                    List<WebElement> found = driver.findElements(By.id(id));
                    if (!found.isEmpty()) {
                        return found.get(0);
                    }
                }
            }
            return null;
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    private WebElement visible(By by) {
        try {
            return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    private void scrollTo(WebElement element) {
        if (element != null) {
            browser.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        }
    }

    private <T> T until(String what, Function<WebDriver, T> condition) {
        try {
            return browser.waiting(PATIENCE).pollingEvery(Duration.ofMillis(250)).ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            browser.screenshot("tasklist-timeout.png");
            browser.pageSource("tasklist-timeout.html");
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl()
                    + " (screenshot and page source in target/browser/tasklist-timeout.*); console: " + browser.consoleErrors(), e);
        }
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

    private Object processVariable(Task task, String name) {
        var found = history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(name).list().stream().filter(v -> v.getTaskId() == null).toList();
        assertThat(found).as("the process variable " + name).hasSize(1);
        return found.get(0).getValue();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
