package io.throughline.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Source;
import io.throughline.knowledge.TestDatabases;

class HelpCentreControllerTest {

    private static KnowledgeBase knowledgeBase;
    private static MockMvc mvc;

    @BeforeAll
    static void helpCentreOverTheDemoKnowledge() {
        knowledgeBase = TestDatabases.demoKnowledgeBase();
        mvc = MockMvcBuilders.standaloneSetup(new HelpCentreController(knowledgeBase)).build();
    }

    @Test
    void listsEveryArticleWithItsTitleAndFirstSentence() throws Exception {
        Document page = page(200, URI.create("/help"));

        List<String> links = page.select(".articles a").eachAttr("href");
        assertThat(links).hasSize(20).containsExactlyInAnyOrderElementsOf(demoArticles().map(name -> "/help/" + name).toList());
        Element shipping = page.selectFirst(".articles li:has(a[href=/help/shipping.md])");
        assertThat(shipping.selectFirst("a").text()).isEqualTo("Shipping and Delivery");
        assertThat(shipping.selectFirst(".teaser").text())
                .isEqualTo("We roast on Mondays and Thursdays and ship every business day from our roastery in Utrecht, the Netherlands.");
        assertThat(page.select(".articles a").eachText()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(page.selectFirst(".articles li:has(a[href=/help/wholesale.html]) .teaser").text())
                .isEqualTo("Larkspur Coffee Co. supplies cafés, restaurants and offices across the Benelux with freshly roasted beans.");
    }

    @Test
    void searchListsTheShippingArticleFirstAndDeepLinksToTheSection() throws Exception {
        Document results = page(200, URI.create("/help?q=how%20long%20does%20shipping%20take"));

        Element first = results.selectFirst(".results > li");
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/help/shipping.md");
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("Shipping and Delivery");
        Element section = first.selectFirst("a.section");
        assertThat(section.text()).isEqualTo("Delivery times");
        assertThat(section.attr("href")).isEqualTo("/help/shipping.md#delivery-times");
        assertThat(first.selectFirst(".snippet").text()).startsWith("Standard shipping takes 3-5 business days");
        assertThat(results.select(".results h2 a").eachAttr("href")).doesNotHaveDuplicates();
        assertThat(results.selectFirst("input[name=q]").attr("value")).isEqualTo("how long does shipping take");

        Document article = page(200, URI.create("/help/shipping.md"));
        assertThat(article.getElementById("delivery-times").text()).isEqualTo("Delivery times");
    }

    @Test
    void aSearchWithoutResultsSaysSoAndOffersTheChat() throws Exception {
        Document page = page(200, URI.create("/help?q=xyzzy%20quux"));

        assertThat(page.select(".results")).isEmpty();
        assertThat(page.selectFirst("main").text()).contains("No article matches your search");
        assertThat(page.selectFirst("button[data-open-chat]").text()).isEqualTo("Ask us in the chat");
        Element widget = page.selectFirst("script[src=/widget.js]");
        assertThat(widget.hasAttr("defer")).isTrue();
        assertThat(widget.hasAttr("data-open")).isFalse();
    }

    @Test
    void rendersAMarkdownArticleWithAnchoredHeadings() throws Exception {
        Document page = page(200, URI.create("/help/shipping.md"));

        Element article = page.selectFirst("article");
        assertThat(article.selectFirst("h1").text()).isEqualTo("Shipping and Delivery");
        assertThat(article.select("h2").eachText())
                .containsExactly("Delivery times", "Shipping costs", "Countries we ship to", "Carriers");
        assertThat(article.select("h2").eachAttr("id"))
                .containsExactly("delivery-times", "shipping-costs", "countries-we-ship-to", "carriers");
        assertThat(article.text()).contains("Standard shipping costs 4.95 EUR and is free for orders over 40 EUR.");
        assertThat(page.title()).startsWith("Shipping and Delivery");
    }

    @Test
    void rendersAnHtmlArticleFromItsBodyOnly() throws Exception {
        Document page = page(200, URI.create("/help/wholesale.html"));

        Element article = page.selectFirst("article");
        assertThat(article.select("h1").eachText()).containsExactly("Wholesale Coffee for Cafés and Offices");
        assertThat(article.select("h2").eachText()).contains("Wholesale prices", "Delivery for wholesale");
        assertThat(article.getElementById("wholesale-prices")).isNotNull();
        assertThat(article.text()).contains("Wholesale beans start at 24 EUR per kg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/help/..%2Fpom.xml", "/help/../pom.xml", "/help/%2e%2e/pom.xml", "/help/nope.md",
            "/help/voice.yml", "/help/intents/demo.csv", "/help/SHIPPING.md", "/help/shipping.md/..%2F..%2Fpom.xml"})
    void anythingButAKnownSourceIsAFriendlyNotFound(String uri) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(uri))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<artifactId>", "<project");
        assertThat(Jsoup.parse(body).selectFirst("h1").text()).isEqualTo("We couldn't find that page");
    }

    @Test
    void readsNoFileThatIsNotAStoredSource() {
        assertThat(knowledgeBase.text(new Source("../pom.xml", "POM", null))).isEmpty();
        assertThat(knowledgeBase.text(new Source("voice.yml", "Voice", null))).isEmpty();
        assertThat(knowledgeBase.text(new Source("shipping.md", "Shipping and Delivery", null)))
                .hasValueSatisfying(text -> assertThat(text).startsWith("# Shipping and Delivery"));
    }

    @Test
    void escapesAQueryEverywhereItIsShown() throws Exception {
        MvcResult result = mvc.perform(get("/help").param("q", "<script>alert(1)</script>")).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document page = Jsoup.parse(body);
        assertThat(page.select("script").stream().map(script -> script.attr("src")))
                .containsExactly("/widget.js", "");
        assertThat(page.selectFirst("input[name=q]").attr("value")).isEqualTo("<script>alert(1)</script>");

        String attributeBreakout = "\"><img src=x onerror=alert(2)>";
        Document broken = Jsoup.parse(mvc.perform(get("/help").param("q", attributeBreakout)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(broken.select("img")).isEmpty();
        assertThat(broken.selectFirst("input[name=q]").attr("value")).isEqualTo(attributeBreakout);
    }

    @Test
    void searchesOnlyTheFirst200CharactersOfALongQuery() throws Exception {
        String query = "how long does shipping take " + "x".repeat(10_000);

        Document page = Jsoup.parse(mvc.perform(get("/help").param("q", query)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.selectFirst("input[name=q]").attr("value")).isEqualTo(query.substring(0, 200));
        assertThat(page.selectFirst("input[name=q]").attr("maxlength")).isEqualTo("200");
    }

    private static Document page(int status, URI uri) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void suggestsAtMostThreeArticlesWithTheBestFirstForWhatTheVisitorIsTyping() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mvc.perform(
                        get("/help/suggest").param("q", "how long does shipping take to Belgium"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        var articles = json.path("articles");
        assertThat(articles.size()).isBetween(1, 3);
        assertThat(articles.get(0).path("path").asText()).isEqualTo("shipping.md");
        assertThat(articles.get(0).path("title").asText()).isEqualTo("Shipping and Delivery");
        assertThat(articles.findValuesAsText("path")).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the weather in paris", ""})
    void suggestsNothingForWhatTheHelpCentreDoesNotCover(String query) throws Exception {
        String body = mvc.perform(get("/help/suggest").param("q", query))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"articles\":[]}");
    }

    private static Stream<String> demoArticles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("knowledge"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches(".*\\.(md|html|pdf|csv)"))
                    .toList().stream();
        }
    }
}
